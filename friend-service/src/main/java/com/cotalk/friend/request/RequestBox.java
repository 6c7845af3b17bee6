package com.cotalk.friend.request;

import java.util.Locale;

import com.cotalk.common.error.ApiException;

/** Which pending requests to list: those sent to me, or those I sent. */
enum RequestBox {

	INCOMING, OUTGOING;

	static RequestBox parse(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "incoming" -> INCOMING;
			case "outgoing" -> OUTGOING;
			default -> throw ApiException.validation("box", "must be incoming or outgoing");
		};
	}

}

package com.cotalk.chat.delivery;

import java.util.UUID;

record ReadEvent(String type, UUID roomId, UUID userId, long lastReadSeq) {

	static ReadEvent of(UUID roomId, UUID userId, long lastReadSeq) {
		return new ReadEvent("read", roomId, userId, lastReadSeq);
	}

}

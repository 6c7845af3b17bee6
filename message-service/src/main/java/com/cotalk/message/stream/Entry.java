package com.cotalk.message.stream;

import com.cotalk.common.messages.MessageEvent;

import io.lettuce.core.StreamMessage;

/** A stream entry and the message it carries. */
record Entry(StreamMessage<String, String> raw, MessageEvent event) {

	String id() {
		return this.raw.getId();
	}

}

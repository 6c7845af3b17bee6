package com.cotalk.chat.message;

import com.cotalk.common.messages.MessageEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link MessageEvent} serialised once, before its seq is known, as the JSON before and
 * after the seq value: the script splices the number in. {@code "seq":} cannot occur
 * inside a JSON string (quotes there are escaped), so the first occurrence is the field.
 */
record SplitEvent(String beforeSeq, String afterSeq) {

	private static final String FIELD = "\"seq\":";

	static SplitEvent of(MessageEvent unnumbered, JsonMapper json) {
		if (unnumbered.seq() != 0) {
			throw new IllegalArgumentException("the event must carry seq 0");
		}
		String text = json.writeValueAsString(unnumbered);
		int at = text.indexOf(FIELD + "0");
		if (at < 0) {
			throw new IllegalStateException("no seq field in the serialised event");
		}
		int value = at + FIELD.length();
		return new SplitEvent(text.substring(0, value), text.substring(value + 1));
	}

	String withSeq(long seq) {
		return this.beforeSeq + seq + this.afterSeq;
	}

}

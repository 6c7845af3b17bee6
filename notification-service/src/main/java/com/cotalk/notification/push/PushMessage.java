package com.cotalk.notification.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a push says: a new message in a room. Its JSON is the payload of api.md,
 * {@code {type: "message", roomId, seq, title, body}}.
 *
 * @param roomId the room
 * @param seq the newest message's sequence number
 * @param title the sender's display name or the room name
 * @param body a preview of the message, cut to {@value #MAX_PREVIEW} characters
 */
public record PushMessage(UUID roomId, long seq, String title, String body) {

	public static final int MAX_PREVIEW = 100;

	static final String TYPE = "message";

	private static final JsonMapper json = JsonMapper.builder().build();

	public PushMessage {
		title = cut(title);
		body = cut(body);
	}

	/**
	 * The payload's fields in order, all as strings (FCM's {@code data} takes strings
	 * only).
	 */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", TYPE);
		fields.put("roomId", this.roomId.toString());
		fields.put("seq", Long.toString(this.seq));
		fields.put("title", this.title);
		fields.put("body", this.body);
		return fields;
	}

	/** The payload of api.md, {@code seq} as a number. */
	byte[] payload() {
		Map<String, Object> payload = new LinkedHashMap<>(fields());
		payload.put("seq", this.seq);
		return json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
	}

	private static String cut(String text) {
		if (text.codePointCount(0, text.length()) <= MAX_PREVIEW) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, MAX_PREVIEW - 1)) + "…";
	}

}

package com.cotalk.message.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;

import io.lettuce.core.StreamMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@link MessageEvent} out of each entry. An entry that does not hold a valid
 * message never will, however often it is delivered, so it is rejected at once instead of
 * being retried.
 */
final class EntryParser {

	private final JsonMapper json;

	EntryParser(JsonMapper json) {
		this.json = json;
	}

	Parsed parse(List<StreamMessage<String, String>> entries) {
		List<Entry> valid = new ArrayList<>(entries.size());
		List<Rejected> rejected = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		for (StreamMessage<String, String> entry : entries) {
			Map<String, String> body = entry.getBody();
			if (body == null || body.isEmpty()) {
				// claimed after it was deleted from the stream (Redis 6.2 still lists
				// such ids as pending)
				gone.add(entry.getId());
				continue;
			}
			String text = body.get(MessageKeys.EVENT_FIELD);
			String problem;
			MessageEvent event = null;
			if (text == null) {
				problem = "no '" + MessageKeys.EVENT_FIELD + "' field";
			}
			else {
				try {
					event = this.json.readValue(text, MessageEvent.class);
					problem = problem(event);
				}
				catch (StreamReadException ex) {
					problem = "not JSON";
				}
				catch (JacksonException ex) {
					problem = unreadable(text, ex);
				}
			}
			if (problem == null && event != null) {
				valid.add(new Entry(entry, event));
			}
			else {
				rejected.add(new Rejected(entry, (problem != null) ? problem : "empty event"));
			}
		}
		return new Parsed(valid, rejected, gone);
	}

	/**
	 * Why JSON did not map to a message event: another event type, or Jackson's reason
	 * (which names fields and types, never the message text, because text goes into a
	 * string field, which takes any string).
	 */
	private String unreadable(String text, JacksonException ex) {
		try {
			String type = this.json.readTree(text).path("type").asString("");
			if (!MessageEvent.TYPE.equals(type)) {
				return "unsupported event type '" + type + "'";
			}
		}
		catch (JacksonException again) {
			// fall through to Jackson's own reason
		}
		String reason = String.valueOf(ex.getOriginalMessage()).lines().findFirst().orElse("");
		return "not a message event: " + ((reason.length() > 200) ? reason.substring(0, 200) : reason);
	}

	/** What makes the event impossible to store, or null when it can be stored. */
	static @Nullable String problem(@Nullable MessageEvent event) {
		if (event == null) {
			return "empty event";
		}
		if (!MessageEvent.TYPE.equals(event.type())) {
			return "unsupported event type '" + event.type() + "'";
		}
		List<String> missing = new ArrayList<>();
		addIfNull(missing, "messageId", event.messageId());
		addIfNull(missing, "roomId", event.roomId());
		addIfNull(missing, "senderId", event.senderId());
		addIfNull(missing, "clientMsgId", event.clientMsgId());
		addIfNull(missing, "contentType", event.contentType());
		addIfNull(missing, "sentAt", event.sentAt());
		if (!missing.isEmpty()) {
			return "missing " + String.join(", ", missing);
		}
		return (event.seq() < 1) ? "seq must be at least 1" : null;
	}

	private static void addIfNull(List<String> missing, String field, @Nullable Object value) {
		if (value == null) {
			missing.add(field);
		}
	}

	record Parsed(List<Entry> valid, List<Rejected> rejected, List<String> gone) {
	}

	record Rejected(StreamMessage<String, String> entry, String reason) {
	}

}

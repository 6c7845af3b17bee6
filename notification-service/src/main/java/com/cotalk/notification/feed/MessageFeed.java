package com.cotalk.notification.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.messages.MessageKeys;
import com.cotalk.notification.MessagePathProperties;
import com.cotalk.notification.stream.BadEntryException;
import com.cotalk.notification.stream.StreamSource;
import com.cotalk.notification.stream.StreamSubscription;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every partition stream of accepted messages with the group
 * {@code notification-service}, beside message-service's own group (reading takes nothing
 * from the message path), and hands each message to the {@link MessageHandler}s.
 * <p>
 * A partition's group is made at the stream's end ({@code $}): the streams hold the
 * message history message-service has not trimmed yet, and mentioning or pushing that
 * history when this service first starts (or after Redis lost the group) would be stale
 * news. The group does keep message-service from trimming what it has not read: a
 * notification-service stopped for good should have its group destroyed ({@code XGROUP
 * DESTROY msg:{p}:stream notification-service}).
 */
@Component
class MessageFeed implements StreamSource {

	private static final Logger log = LoggerFactory.getLogger(MessageFeed.class);

	private final List<MessageHandler> handlers;

	private final JsonMapper json;

	private final int partitions;

	MessageFeed(List<MessageHandler> handlers, JsonMapper json, MessagePathProperties path) {
		this.handlers = List.copyOf(handlers);
		this.json = json;
		this.partitions = path.partitions();
	}

	@Override
	public List<StreamSubscription> subscriptions() {
		List<StreamSubscription> subscriptions = new ArrayList<>();
		for (int p = 0; p < this.partitions; p++) {
			subscriptions
				.add(new StreamSubscription(MessageKeys.stream(p), StreamSubscription.Start.NEW, this::handle));
		}
		return subscriptions;
	}

	void handle(String id, Map<String, String> fields) {
		String text = fields.get(MessageKeys.EVENT_FIELD);
		if (text == null) {
			throw new BadEntryException("no '" + MessageKeys.EVENT_FIELD + "' field");
		}
		MessageEvent message;
		try {
			message = this.json.readValue(text, MessageEvent.class);
		}
		catch (JacksonException ex) {
			throw new BadEntryException("not a message event");
		}
		if (!MessageEvent.TYPE.equals(message.type()) || message.roomId() == null || message.senderId() == null) {
			log.debug("Passing over entry {}: not a message with a room and a sender", id);
			return;
		}
		for (MessageHandler handler : this.handlers) {
			handler.onMessage(message);
		}
	}

}

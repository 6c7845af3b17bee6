package com.cotalk.chat.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.cotalk.chat.presence.PresenceStore;

/**
 * Events for particular users (not a room's members), wherever they are connected:
 * presence tells which instances hold live sessions of the users, and each of those
 * instances gets one publish on its own channel carrying the ids of its users and the
 * event, which it delivers to their sessions here. Users with no live session get
 * nothing.
 * <p>
 * On the channel: {@code <d> <id>,<id>,...\n<event JSON>}, where {@code d} is {@code 1}
 * for an event that may be dropped for a session that falls behind.
 */
@Component
class UserEvents {

	private static final Logger log = LoggerFactory.getLogger(UserEvents.class);

	private final RoomChannels channels;

	private final PresenceStore presence;

	private final SessionRegistry registry;

	private volatile boolean listening;

	UserEvents(RoomChannels channels, PresenceStore presence, SessionRegistry registry) {
		this.channels = channels;
		this.presence = presence;
		this.registry = registry;
	}

	@EventListener(ApplicationReadyEvent.class)
	void listen() {
		try {
			this.channels.onInstanceEvent(this::receive).get(5, TimeUnit.SECONDS);
			this.listening = true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("This instance's channel is not subscribed yet, retrying: {}", ex.toString());
		}
	}

	/** Subscribes the instance channel if that failed at start (Redis was down). */
	void ensureListening() {
		if (!this.listening) {
			listen();
		}
	}

	/**
	 * @param droppable whether a session that falls behind may miss it (presence)
	 */
	void send(Collection<UUID> userIds, byte[] event, boolean droppable) {
		Map<String, List<UUID>> byInstance = this.presence.instancesOf(userIds);
		Map<String, byte[]> payloads = new HashMap<>();
		byInstance.forEach((instance, users) -> payloads.put(instance, encode(users, event, droppable)));
		this.channels.publishToInstances(payloads);
	}

	private void receive(byte[] payload) {
		int space = indexOf(payload, (byte) ' ', 0);
		int newline = indexOf(payload, (byte) '\n', space + 1);
		if (space != 1 || newline < 0) {
			log.warn("Ignoring a malformed user event of {} bytes", payload.length);
			return;
		}
		boolean droppable = payload[0] == '1';
		byte[] event = new byte[payload.length - newline - 1];
		System.arraycopy(payload, newline + 1, event, 0, event.length);
		String ids = new String(payload, space + 1, newline - space - 1, StandardCharsets.US_ASCII);
		for (String id : ids.split(",")) {
			for (LiveSession session : this.registry.sessionsOf(UUID.fromString(id))) {
				session.sendEvent(event, droppable);
			}
		}
	}

	static byte[] encode(List<UUID> users, byte[] event, boolean droppable) {
		byte[] header = ((droppable ? "1 " : "0 ") + String.join(",", users.stream().map(UUID::toString).toList())
				+ "\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] payload = new byte[header.length + event.length];
		System.arraycopy(header, 0, payload, 0, header.length);
		System.arraycopy(event, 0, payload, header.length, event.length);
		return payload;
	}

	private static int indexOf(byte[] bytes, byte wanted, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}

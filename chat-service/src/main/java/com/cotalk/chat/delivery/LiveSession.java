package com.cotalk.chat.delivery;

import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket session on this instance, from the handshake to its close. */
final class LiveSession {

	private final WebSocketSession socket;

	private final SessionOutbox outbox;

	private final Frames frames;

	private volatile @Nullable UUID userId;

	private volatile @Nullable UUID authSessionId;

	private volatile @Nullable String eventsSubscription;

	private volatile @Nullable ScheduledFuture<?> expiry;

	LiveSession(WebSocketSession socket, SessionOutbox outbox, Frames frames) {
		this.socket = socket;
		this.outbox = outbox;
		this.frames = frames;
	}

	String id() {
		return this.socket.getId();
	}

	WebSocketSession socket() {
		return this.socket;
	}

	@Nullable UUID userId() {
		return this.userId;
	}

	void authenticated(UUID userId) {
		this.userId = userId;
	}

	/** The auth session (refresh-token family) of the token that opened or renewed it. */
	void authSession(@Nullable UUID sessionId) {
		this.authSessionId = sessionId;
	}

	@Nullable UUID authSessionId() {
		return this.authSessionId;
	}

	void subscribedToEvents(@Nullable String subscriptionId) {
		this.eventsSubscription = subscriptionId;
	}

	@Nullable String eventsSubscription() {
		return this.eventsSubscription;
	}

	/**
	 * Queues an event for {@code /user/queue/events}, if the session subscribed to it.
	 */
	void sendEvent(byte[] payload, boolean droppable) {
		sendEvent(payload, droppable, DeliveryMetrics.NOT_A_MESSAGE);
	}

	/**
	 * Queues an event for {@code /user/queue/events}, if the session subscribed to it.
	 * @param acceptedAtMillis when the message the event carries was accepted, or
	 * {@link DeliveryMetrics#NOT_A_MESSAGE}
	 */
	void sendEvent(byte[] payload, boolean droppable, long acceptedAtMillis) {
		String subscription = this.eventsSubscription;
		if (subscription != null) {
			this.outbox.offer(this.frames.event(id(), subscription, payload), droppable, acceptedAtMillis);
		}
	}

	void send(Message<byte[]> frame) {
		this.outbox.offer(frame, false);
	}

	void expireAt(@Nullable ScheduledFuture<?> next) {
		ScheduledFuture<?> previous = this.expiry;
		this.expiry = next;
		if (previous != null) {
			previous.cancel(false);
		}
	}

	/** Frames waiting to be written to the socket. */
	int queued() {
		return this.outbox.size();
	}

	void closed() {
		this.outbox.close();
		expireAt(null);
	}

}

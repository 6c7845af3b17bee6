package com.cotalk.chat.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.cotalk.chat.member.MembershipService;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who is typing where, for the sessions on this instance, and the {@code typing} events
 * the room gets: {@code typing: true} at most once per {@code typing-throttle} per member
 * and room, and {@code typing: false} when the typer says so, sends a message, goes quiet
 * for {@code typing-timeout} or disconnects, but only for someone announced as typing.
 */
@Component
class TypingTracker {

	private static final Logger log = LoggerFactory.getLogger(TypingTracker.class);

	private final MembershipService memberships;

	private final RoomChannels channels;

	private final JsonMapper json;

	private final long throttleNanos;

	private final long timeoutNanos;

	private final Map<Key, Typist> typists = new ConcurrentHashMap<>();

	TypingTracker(MembershipService memberships, RoomChannels channels, JsonMapper json, DeliveryProperties limits) {
		this.memberships = memberships;
		this.channels = channels;
		this.json = json;
		this.throttleNanos = limits.typingThrottle().toNanos();
		this.timeoutNanos = limits.typingTimeout().toNanos();
	}

	/**
	 * @throws com.cotalk.chat.member.RoomNotFoundException for non-members
	 */
	void typing(UUID userId, UUID roomId, String sessionId, boolean typing) {
		this.memberships.require(roomId, userId);
		Key key = new Key(roomId, userId);
		if (!typing) {
			stopped(key);
			return;
		}
		long now = System.nanoTime();
		boolean[] announce = new boolean[1];
		this.typists.compute(key, (k, previous) -> {
			if (previous == null || now - previous.announcedAt() >= this.throttleNanos) {
				announce[0] = true;
				return new Typist(sessionId, now, now);
			}
			return new Typist(sessionId, now, previous.announcedAt());
		});
		if (announce[0]) {
			publish(List.of(key), true);
		}
	}

	/** A message from the typer ends their typing. */
	void sent(UUID userId, UUID roomId) {
		stopped(new Key(roomId, userId));
	}

	@EventListener
	void onClosed(StompSessionClosed closed) {
		List<Key> gone = new ArrayList<>();
		this.typists.forEach((key, typist) -> {
			if (typist.sessionId().equals(closed.sessionId()) && this.typists.remove(key, typist)) {
				gone.add(key);
			}
		});
		publish(gone, false);
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.ws.typing-sweep-interval:1s}")
	void expire() {
		long now = System.nanoTime();
		List<Key> quiet = new ArrayList<>();
		this.typists.forEach((key, typist) -> {
			if (now - typist.heardAt() >= this.timeoutNanos && this.typists.remove(key, typist)) {
				quiet.add(key);
			}
		});
		publish(quiet, false);
	}

	private void stopped(Key key) {
		if (this.typists.remove(key) != null) {
			publish(List.of(key), false);
		}
	}

	private void publish(List<Key> keys, boolean typing) {
		if (keys.isEmpty()) {
			return;
		}
		try {
			this.channels.publish(keys.stream()
				.map((key) -> Map.entry(key.roomId(),
						this.json.writeValueAsBytes(TypingEvent.of(key.roomId(), key.userId(), typing))))
				.toList());
		}
		catch (RuntimeException ex) {
			// typing is ephemeral: a lost event is superseded by the next or by the
			// message
			log.warn("Could not publish {} typing events: {}", keys.size(), ex.toString());
		}
	}

	private record Key(UUID roomId, UUID userId) {
	}

	private record Typist(String sessionId, long heardAt, long announcedAt) {
	}

}

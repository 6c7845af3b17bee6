package com.cotalk.chat.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.cotalk.chat.presence.PresenceStore;
import com.cotalk.chat.relation.RelationDirectory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this instance's sessions in presence and tells a user's online friends when the
 * user comes online (first session on any instance) or goes offline (last session closed,
 * or the instance holding it stopped beating). Changes are coalesced over the announce
 * interval: a user reconnecting within it causes nothing. Presence is a hint: Redis or
 * friend-service failing here costs events, never a session.
 */
@Component
class PresenceAnnouncer {

	private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);

	private final PresenceStore presence;

	private final SessionRegistry registry;

	private final UserEvents userEvents;

	private final RelationDirectory relations;

	private final JsonMapper json;

	private final Map<UUID, Boolean> pending = new ConcurrentHashMap<>();

	/**
	 * Sessions closed while this instance drains, settled once their users had time to
	 * reconnect.
	 */
	private final ConcurrentLinkedQueue<StompSessionClosed> deferred = new ConcurrentLinkedQueue<>();

	private volatile boolean deferring;

	PresenceAnnouncer(PresenceStore presence, SessionRegistry registry, UserEvents userEvents,
			RelationDirectory relations, JsonMapper json) {
		this.presence = presence;
		this.registry = registry;
		this.userEvents = userEvents;
		this.relations = relations;
		this.json = json;
	}

	@EventListener
	void onOpened(StompSessionOpened opened) {
		try {
			if (this.presence.connected(opened.userId(), opened.sessionId())) {
				this.pending.put(opened.userId(), true);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Presence of user {} not recorded: {}", opened.userId(), ex.toString());
		}
	}

	@EventListener
	void onClosed(StompSessionClosed closed) {
		if (this.deferring) {
			this.deferred.add(closed);
			return;
		}
		disconnect(closed);
	}

	/**
	 * This instance is draining: its clients reconnect elsewhere, so their closed
	 * sessions are kept in presence until {@link #settleDeferred()} (friends see no
	 * offline-online flap).
	 */
	void deferDisconnects() {
		this.deferring = true;
	}

	/**
	 * Removes the sessions closed while draining; users with no session left on any
	 * instance are announced offline at once.
	 */
	void settleDeferred() {
		this.deferring = false;
		StompSessionClosed closed;
		while ((closed = this.deferred.poll()) != null) {
			disconnect(closed);
		}
		announce();
	}

	private void disconnect(StompSessionClosed closed) {
		try {
			if (this.presence.disconnected(closed.userId(), closed.sessionId(), closed.lastHere())) {
				this.pending.put(closed.userId(), false);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Presence of user {} not removed: {}", closed.userId(), ex.toString());
		}
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.presence.refresh-interval:15s}")
	void refresh() {
		try {
			this.userEvents.ensureListening();
			this.presence.refresh(this.registry.sessionIdsByUser());
		}
		catch (RuntimeException ex) {
			log.warn("Presence not refreshed: {}", ex.toString());
		}
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.presence.sweep-interval:5s}")
	void sweep() {
		try {
			this.presence.sweepCrashedInstances().forEach((userId) -> this.pending.put(userId, false));
		}
		catch (RuntimeException ex) {
			log.warn("Crashed instances not swept: {}", ex.toString());
		}
	}

	/**
	 * Announces the changes of the last interval that still hold: a change is checked
	 * against presence as it is now, so a user who disconnected here and reconnected on
	 * another instance meanwhile (each instance queueing its own change) is announced
	 * online by that instance only, never offline-then-online in whatever order.
	 */
	@Scheduled(fixedDelayString = "${cotalk.chat.presence.announce-interval:500ms}")
	void announce() {
		Map<UUID, Boolean> changes = new HashMap<>();
		for (UUID userId : List.copyOf(this.pending.keySet())) {
			Boolean online = this.pending.remove(userId);
			if (online != null) {
				changes.put(userId, online);
			}
		}
		if (changes.isEmpty()) {
			return;
		}
		// read after taking the changes: a later change is queued again and checked next
		// time
		Set<UUID> onlineNow;
		try {
			onlineNow = this.presence.onlineAmong(changes.keySet());
		}
		catch (RuntimeException ex) {
			log.warn("Presence not read, changes announced as seen here: {}", ex.toString());
			onlineNow = null;
		}
		for (Map.Entry<UUID, Boolean> change : changes.entrySet()) {
			UUID userId = change.getKey();
			boolean online = change.getValue();
			if (onlineNow != null && online != onlineNow.contains(userId)) {
				continue;
			}
			try {
				List<UUID> friends = this.relations.friendIds(userId);
				if (!friends.isEmpty()) {
					this.userEvents.send(friends, this.json.writeValueAsBytes(PresenceEvent.of(userId, online)), true);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Presence of user {} not announced: {}", userId, ex.toString());
			}
		}
	}

}

package com.cotalk.chat.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import com.cotalk.chat.member.MembershipChanged;
import com.cotalk.chat.member.MembershipService;
import com.cotalk.chat.member.RoomNotFoundException;

/**
 * Who is connected to this instance: sessions by id, each user's sessions (oldest first)
 * and, for every connected user, their rooms, so that the instance is subscribed to
 * exactly the channels of rooms with a member connected here. A user's rooms are read
 * once, when their first session connects, then kept current by membership changes.
 * Changes are rare next to deliveries and take one lock; deliveries read without it.
 */
@Component
class SessionRegistry {

	static final CloseStatus SLOW_CONSUMER = CloseStatus.POLICY_VIOLATION.withReason("SLOW_CONSUMER");

	static final CloseStatus SESSION_LIMIT = CloseStatus.POLICY_VIOLATION.withReason("SESSION_LIMIT");

	static final CloseStatus TOO_MANY_UNAUTHENTICATED = CloseStatus.POLICY_VIOLATION
		.withReason("TOO_MANY_UNAUTHENTICATED");

	private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

	private final Map<String, LiveSession> sessions = new ConcurrentHashMap<>();

	private final Map<UUID, List<LiveSession>> sessionsByUser = new ConcurrentHashMap<>();

	private final Map<UUID, Set<UUID>> roomsByUser = new ConcurrentHashMap<>();

	private final Map<UUID, Set<UUID>> membersByRoom = new ConcurrentHashMap<>();

	private final Object lock = new Object();

	private final Frames frames;

	private final RoomChannels channels;

	private final MembershipService memberships;

	private final DeliveryProperties limits;

	private final VirtualThreadTaskExecutor executor = new VirtualThreadTaskExecutor("stomp-outbox-");

	private final DeliveryMetrics metrics;

	private final ApplicationEventPublisher events;

	private final UnauthenticatedSockets unauthenticated;

	SessionRegistry(Frames frames, RoomChannels channels, MembershipService memberships, DeliveryProperties limits,
			MeterRegistry meters, DeliveryMetrics metrics, ApplicationEventPublisher events,
			UnauthenticatedSockets unauthenticated) {
		this.unauthenticated = unauthenticated;
		this.events = events;
		this.metrics = metrics;
		Gauge.builder("cotalk.stomp.sessions", this.sessions, Map::size)
			.description("Open WebSocket sessions on this instance")
			.register(meters);
		this.frames = frames;
		this.channels = channels;
		this.memberships = memberships;
		this.limits = limits;
	}

	void opened(WebSocketSession socket) {
		LiveSession[] created = new LiveSession[1];
		SessionOutbox outbox = new SessionOutbox(this.limits.outboundQueueLimit(), this.executor, this.frames::write,
				() -> {
					log.info("Closing slow STOMP session {} of user {}", socket.getId(), created[0].userId());
					close(created[0], SLOW_CONSUMER);
				}, this.metrics);
		created[0] = new LiveSession(socket, outbox, this.frames);
		this.sessions.put(socket.getId(), created[0]);
		if (!this.unauthenticated.admit(socket.getAttributes())) {
			log.info("Closing STOMP session {}: its address holds too many sockets without CONNECT", socket.getId());
			close(created[0], TOO_MANY_UNAUTHENTICATED);
		}
	}

	@Nullable LiveSession get(String sessionId) {
		return this.sessions.get(sessionId);
	}

	/** Every session open on this instance now. */
	Collection<LiveSession> all() {
		return List.copyOf(this.sessions.values());
	}

	/**
	 * Registers the session as the user's and makes sure the user's rooms are subscribed
	 * before it returns (so that the client's {@code CONNECTED} means events flow). A
	 * user over the session limit loses their oldest session.
	 */
	void authenticated(LiveSession session, UUID userId) {
		this.unauthenticated.settled(session.socket().getAttributes());
		List<LiveSession> evicted = new ArrayList<>();
		CompletableFuture<Void> subscribed = CompletableFuture.completedFuture(null);
		List<UUID> loaded = null;
		while (true) {
			if (loaded == null && !this.roomsByUser.containsKey(userId)) {
				loaded = this.memberships.roomIdsOf(userId);
			}
			synchronized (this.lock) {
				if (!this.roomsByUser.containsKey(userId)) {
					if (loaded == null) {
						continue;
					}
					subscribed = track(userId, loaded);
				}
				session.authenticated(userId);
				List<LiveSession> own = this.sessionsByUser.computeIfAbsent(userId,
						(id) -> new CopyOnWriteArrayList<>());
				own.add(session);
				while (own.size() > this.limits.maxSessionsPerUser()) {
					evicted.add(own.removeFirst());
				}
				break;
			}
		}
		evicted.forEach((old) -> close(old, SESSION_LIMIT));
		await(subscribed, userId);
		this.events.publishEvent(new StompSessionOpened(userId, session.id()));
	}

	void closed(String sessionId) {
		LiveSession session = this.sessions.remove(sessionId);
		if (session == null) {
			return;
		}
		this.unauthenticated.settled(session.socket().getAttributes());
		session.closed();
		UUID userId = session.userId();
		if (userId == null) {
			return;
		}
		boolean lastHere = false;
		synchronized (this.lock) {
			List<LiveSession> own = this.sessionsByUser.get(userId);
			if (own != null && own.remove(session) && own.isEmpty()) {
				this.sessionsByUser.remove(userId);
				untrack(userId);
				lastHere = true;
			}
		}
		this.events.publishEvent(new StompSessionClosed(userId, sessionId, lastHere));
	}

	/** Joins and leaves of connected users, made here or on another instance. */
	@EventListener
	void onMembershipChanged(MembershipChanged change) {
		UUID userId = change.userId();
		if (!this.roomsByUser.containsKey(userId)) {
			return;
		}
		boolean member = isMember(change.roomId(), userId);
		CompletableFuture<Void> subscribed = CompletableFuture.completedFuture(null);
		synchronized (this.lock) {
			Set<UUID> rooms = this.roomsByUser.get(userId);
			if (rooms == null) {
				return;
			}
			if (member && rooms.add(change.roomId()) && addMember(change.roomId(), userId)) {
				subscribed = this.channels.subscribe(List.of(change.roomId()));
			}
			else if (!member && rooms.remove(change.roomId())) {
				removeMember(change.roomId(), userId);
			}
		}
		await(subscribed, userId);
	}

	Set<UUID> localMembers(UUID roomId) {
		Set<UUID> members = this.membersByRoom.get(roomId);
		return (members != null) ? members : Set.of();
	}

	List<LiveSession> sessionsOf(UUID userId) {
		List<LiveSession> own = this.sessionsByUser.get(userId);
		return (own != null) ? own : List.of();
	}

	/** The ids of every authenticated session here, by user. */
	Map<UUID, List<String>> sessionIdsByUser() {
		Map<UUID, List<String>> ids = new HashMap<>();
		this.sessionsByUser.forEach((userId, own) -> ids.put(userId, own.stream().map(LiveSession::id).toList()));
		return ids;
	}

	/** Every session on this instance, authenticated or not. */
	List<LiveSession> liveSessions() {
		return List.copyOf(this.sessions.values());
	}

	int sessionCount() {
		return this.sessions.size();
	}

	/** Closes off the caller's thread: a write to a slow client may hold the socket. */
	void close(LiveSession session, CloseStatus status) {
		session.closed();
		Thread.ofVirtual().name("stomp-close-" + session.id()).start(() -> {
			try {
				session.socket().close(status);
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing session {} failed: {}", session.id(), ex.toString());
			}
		});
	}

	private CompletableFuture<Void> track(UUID userId, Collection<UUID> roomIds) {
		Set<UUID> rooms = ConcurrentHashMap.newKeySet();
		this.roomsByUser.put(userId, rooms);
		List<UUID> firstHere = new ArrayList<>();
		for (UUID roomId : roomIds) {
			if (rooms.add(roomId) && addMember(roomId, userId)) {
				firstHere.add(roomId);
			}
		}
		return this.channels.subscribe(firstHere);
	}

	private void untrack(UUID userId) {
		Set<UUID> rooms = this.roomsByUser.remove(userId);
		if (rooms != null) {
			rooms.forEach((roomId) -> removeMember(roomId, userId));
		}
	}

	/**
	 * @return whether the room needs subscribing (its first member here)
	 */
	private boolean addMember(UUID roomId, UUID userId) {
		boolean[] first = new boolean[1];
		this.membersByRoom.computeIfAbsent(roomId, (id) -> {
			first[0] = true;
			return ConcurrentHashMap.newKeySet();
		}).add(userId);
		return first[0];
	}

	private void removeMember(UUID roomId, UUID userId) {
		Set<UUID> members = this.membersByRoom.get(roomId);
		if (members != null && members.remove(userId) && members.isEmpty()) {
			this.membersByRoom.remove(roomId);
			this.channels.unsubscribe(List.of(roomId));
		}
	}

	private boolean isMember(UUID roomId, UUID userId) {
		try {
			this.memberships.requireNow(roomId, userId);
			return true;
		}
		catch (RoomNotFoundException ex) {
			return false;
		}
	}

	private static void await(CompletableFuture<Void> subscribed, UUID userId) {
		try {
			subscribed.get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Room channels of user {} not confirmed subscribed: {}", userId, ex.toString());
		}
	}

}

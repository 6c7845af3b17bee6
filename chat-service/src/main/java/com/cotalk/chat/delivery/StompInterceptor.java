package com.cotalk.chat.delivery;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

import com.cotalk.chat.presence.PresenceStore;
import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.security.RevokedSessions;

/**
 * The gate of every inbound frame: {@code CONNECT} needs a valid access token, a session
 * may subscribe only to its own queues and send only to the application's destinations.
 * Refusals send their {@code ERROR} frame directly instead of throwing: a thrown
 * exception is logged by Spring with the frame, and a {@code CONNECT} frame carries the
 * token. Runs on the socket's own thread (synchronous inbound channel), so
 * {@link #afterSendCompletion} sees a {@code SUBSCRIBE} fully registered.
 */
@Component
class StompInterceptor implements ChannelInterceptor {

	static final Set<String> SUBSCRIBABLE = Set.of(Frames.EVENTS, Frames.ERRORS);

	/** The {@code ERROR} frame's message for a user with too many live sessions. */
	static final String SESSION_LIMIT = "SESSION_LIMIT";

	private static final Pattern SENDABLE = Pattern
		.compile("/app/rooms/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
				+ "/(messages|read|typing)|/app/auth");

	private final StompAuthentication authentication;

	private final SessionRegistry registry;

	private final Frames frames;

	private final ObjectProvider<SimpMessagingTemplate> template;

	private final PresenceStore presence;

	private final DeliveryProperties limits;

	StompInterceptor(StompAuthentication authentication, SessionRegistry registry, Frames frames,
			ObjectProvider<SimpMessagingTemplate> template, PresenceStore presence, DeliveryProperties limits) {
		this.presence = presence;
		this.limits = limits;
		this.authentication = authentication;
		this.registry = registry;
		this.frames = frames;
		this.template = template;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null || accessor.getSessionId() == null) {
			return message;
		}
		String sessionId = accessor.getSessionId();
		return switch (accessor.getCommand()) {
			case CONNECT, STOMP -> connect(message, accessor, sessionId);
			case SUBSCRIBE -> {
				if (accessor.getUser() == null || !SUBSCRIBABLE.contains(accessor.getDestination())) {
					this.frames.error(sessionId,
							(accessor.getUser() == null) ? ErrorCode.UNAUTHORIZED : ErrorCode.FORBIDDEN);
					yield null;
				}
				yield message;
			}
			case SEND -> send(message, accessor, sessionId);
			default -> message;
		};
	}

	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, @Nullable Exception ex) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (!sent || ex != null || accessor == null || accessor.getSessionId() == null) {
			return;
		}
		StompCommand command = accessor.getCommand();
		if (command != StompCommand.SUBSCRIBE && command != StompCommand.UNSUBSCRIBE) {
			return;
		}
		LiveSession session = this.registry.get(accessor.getSessionId());
		if (session == null) {
			return;
		}
		if (command == StompCommand.SUBSCRIBE && Frames.EVENTS.equals(accessor.getDestination())) {
			session.subscribedToEvents(accessor.getSubscriptionId());
		}
		else if (command == StompCommand.UNSUBSCRIBE && accessor.getSubscriptionId() != null
				&& accessor.getSubscriptionId().equals(session.eventsSubscription())) {
			session.subscribedToEvents(null);
		}
		String receipt = accessor.getReceipt();
		if (receipt != null) {
			session.send(this.frames.receipt(session.id(), receipt));
		}
	}

	private @Nullable Message<?> connect(Message<?> message, StompHeaderAccessor accessor, String sessionId) {
		LiveSession session = this.registry.get(sessionId);
		StompAuthentication.Verified verified = this.authentication
			.verify(accessor.getFirstNativeHeader(StompAuthentication.AUTHORIZATION));
		if (session == null || verified == null) {
			this.frames.error(sessionId, ErrorCode.UNAUTHORIZED);
			return null;
		}
		if (verified.revoked()) {
			this.frames.error(sessionId, RevokedSessions.SESSION_REVOKED);
			return null;
		}
		if (overSessionLimit(verified.userId())) {
			this.frames.error(sessionId, SESSION_LIMIT);
			return null;
		}
		session.authSession(verified.sessionId());
		accessor.setUser(new StompUser(verified.userId()));
		if (accessor.isMutable()) {
			accessor.removeNativeHeader(StompAuthentication.AUTHORIZATION);
		}
		this.registry.authenticated(session, verified.userId());
		this.authentication.expireAt(session, verified.expiresAt());
		return message;
	}

	/**
	 * Live sessions of the user on every instance, as presence counts them; while Redis
	 * cannot tell, the per-instance limit alone applies.
	 */
	private boolean overSessionLimit(UUID userId) {
		try {
			return this.presence.liveSessions(userId) >= this.limits.maxSessionsPerUserEverywhere();
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	private @Nullable Message<?> send(Message<?> message, StompHeaderAccessor accessor, String sessionId) {
		Principal user = accessor.getUser();
		if (user == null) {
			this.frames.error(sessionId, ErrorCode.UNAUTHORIZED);
			return null;
		}
		String destination = accessor.getDestination();
		if (destination != null && SENDABLE.matcher(destination).matches()) {
			return message;
		}
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		this.template.getObject()
			.convertAndSendToUser(user.getName(), "/queue/errors",
					ErrorEvent.of(ErrorCode.NOT_FOUND, "No such destination.", null, accessor.getReceipt(), List.of()),
					headers.getMessageHeaders());
		return null;
	}

}

package com.cotalk.chat.delivery;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Controller;

import com.cotalk.chat.message.MessageSendService;
import com.cotalk.chat.message.SendMessageRequest;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.error.FieldViolation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code SEND}s to {@code /app/...}. A {@code RECEIPT} (when asked for) follows only what
 * succeeded; anything rejected answers on {@code /user/queue/errors} of the sending
 * session only, with the REST API's codes, and the connection stays open.
 */
@Controller
class RoomMessagingController {

	private static final Logger log = LoggerFactory.getLogger(RoomMessagingController.class);

	private final MessageSendService messages;

	private final RoomEventService roomEvents;

	private final TypingTracker typing;

	private final SendRateLimiter rateLimiter;

	private final StompAuthentication authentication;

	private final SessionRegistry registry;

	private final Frames frames;

	private final JsonMapper json;

	RoomMessagingController(MessageSendService messages, RoomEventService roomEvents, TypingTracker typing,
			SendRateLimiter rateLimiter, StompAuthentication authentication, SessionRegistry registry, Frames frames,
			JsonMapper json) {
		this.messages = messages;
		this.typing = typing;
		this.roomEvents = roomEvents;
		this.rateLimiter = rateLimiter;
		this.authentication = authentication;
		this.registry = registry;
		this.frames = frames;
		this.json = json;
	}

	/** The {@code RECEIPT} means durable: it is sent after the send script returned. */
	@MessageMapping("/rooms/{roomId}/messages")
	void sendMessage(Principal user, @DestinationVariable UUID roomId, @Valid @Payload SendMessageRequest request,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId,
			@Header(name = "receipt", required = false) @Nullable String receipt) {
		UUID userId = StompUser.idOf(user);
		this.rateLimiter.acquire(userId);
		this.messages.sendMessage(userId, roomId, request.clientMsgId(), request.content());
		receipt(sessionId, receipt);
		this.typing.sent(userId, roomId);
	}

	@MessageMapping("/rooms/{roomId}/read")
	void markRead(Principal user, @DestinationVariable UUID roomId, @Valid @Payload ReadCommand command,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId,
			@Header(name = "receipt", required = false) @Nullable String receipt) {
		this.roomEvents.markRead(StompUser.idOf(user), roomId, command.seq());
		receipt(sessionId, receipt);
	}

	@MessageMapping("/rooms/{roomId}/typing")
	void typing(Principal user, @DestinationVariable UUID roomId, @Valid @Payload TypingCommand command,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId,
			@Header(name = "receipt", required = false) @Nullable String receipt) {
		this.typing.typing(StompUser.idOf(user), roomId, sessionId, command.typing());
		receipt(sessionId, receipt);
	}

	/**
	 * A fresh access token of the same user (header {@code Authorization: Bearer ...})
	 * keeps the session open past the old token's expiry.
	 */
	@MessageMapping("/auth")
	void reauthenticate(Principal user, StompHeaderAccessor headers,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId,
			@Header(name = "receipt", required = false) @Nullable String receipt) {
		StompAuthentication.Verified verified = this.authentication
			.verify(headers.getFirstNativeHeader(StompAuthentication.AUTHORIZATION));
		LiveSession session = this.registry.get(sessionId);
		if (verified == null || session == null || !verified.userId().equals(StompUser.idOf(user))
				|| verified.revoked()) {
			throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
					"The token is not valid for this session.");
		}
		session.authSession(verified.sessionId());
		this.authentication.expireAt(session, verified.expiresAt());
		receipt(sessionId, receipt);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	ErrorEvent rejected(Exception ex, Message<?> message) {
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
		String clientMsgId = clientMsgId(message.getPayload());
		String receipt = headers.getReceipt();
		return switch (ex) {
			case ApiException api ->
				ErrorEvent.of(api.code(), api.getMessage(), clientMsgId, receipt, api.violations());
			case MethodArgumentNotValidException invalid -> ErrorEvent.of(ErrorCode.VALIDATION_FAILED,
					"The request is not valid.", clientMsgId, receipt, violations(invalid));
			case MessageConversionException unreadable -> ErrorEvent.of(ErrorCode.MALFORMED_REQUEST,
					"The body is not valid JSON of the expected shape.", clientMsgId, receipt, List.of());
			default -> {
				log.error("STOMP {} failed", headers.getDestination(), ex);
				yield ErrorEvent.of(ErrorCode.INTERNAL_ERROR, "Something went wrong.", clientMsgId, receipt, List.of());
			}
		};
	}

	private void receipt(String sessionId, @Nullable String receipt) {
		LiveSession session = this.registry.get(sessionId);
		if (receipt != null && session != null) {
			session.send(this.frames.receipt(sessionId, receipt));
		}
	}

	private static List<FieldViolation> violations(MethodArgumentNotValidException invalid) {
		if (invalid.getBindingResult() == null) {
			return List.of();
		}
		return invalid.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldViolation(error.getField(),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid"))
			.toList();
	}

	private @Nullable String clientMsgId(Object payload) {
		if (!(payload instanceof byte[] bytes) || bytes.length == 0) {
			return null;
		}
		try {
			JsonNode id = this.json.readTree(bytes).get("clientMsgId");
			return (id != null && id.isString()) ? id.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}

package com.cotalk.chat.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.cotalk.chat.activity.RoomActivityService;
import com.cotalk.chat.member.Membership;
import com.cotalk.chat.member.MembershipService;
import com.cotalk.chat.member.RoomNotFoundException;
import com.cotalk.chat.read.ReadStateService;
import com.cotalk.chat.relation.RelationDirectory;
import com.cotalk.common.ids.UuidV7;
import com.cotalk.common.messages.MessageEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts messages: user messages after the membership and block checks, and the
 * {@code SYSTEM} messages that record joins and leaves, through the same script.
 */
@Service
public class MessageSendService {

	public static final String TEXT = "TEXT";

	public static final String SYSTEM = "SYSTEM";

	/**
	 * Seeding and running again twice is plenty: a seed only goes missing if Redis is
	 * lost again.
	 */
	private static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(MessageSendService.class);

	private final MembershipService memberships;

	private final RelationDirectory relations;

	private final MessageScript script;

	private final RoomSequences sequences;

	private final ReadStateService readState;

	private final RoomActivityService activity;

	private final JsonMapper json;

	MessageSendService(MembershipService memberships, RelationDirectory relations, MessageScript script,
			RoomSequences sequences, ReadStateService readState, RoomActivityService activity, JsonMapper json) {
		this.memberships = memberships;
		this.relations = relations;
		this.script = script;
		this.sequences = sequences;
		this.readState = readState;
		this.activity = activity;
		this.json = json;
	}

	/**
	 * Sends a user's text message. The sender has read what they answer: their read
	 * position moves to it.
	 * @throws RoomNotFoundException for non-members, and in a direct room where either
	 * user blocked the other
	 */
	public AcceptedMessage sendMessage(UUID senderId, UUID roomId, String clientMsgId, String content) {
		Membership membership = this.memberships.require(roomId, senderId);
		UUID other = membership.otherUserId();
		if (membership.isDirect() && other != null && this.relations.isBlockedEitherWayCached(senderId, other)) {
			throw new RoomNotFoundException();
		}
		AcceptedMessage accepted = append(roomId, senderId, clientMsgId, TEXT, content);
		if (accepted.created()) {
			this.readState.markReadBySending(roomId, senderId, accepted.seq());
		}
		return accepted;
	}

	/**
	 * Records a membership change in the room. {@code clientMsgId} must be derived from
	 * the change (so a retry is not recorded twice) and begin with a character clients
	 * cannot use.
	 */
	public AcceptedMessage appendSystem(UUID roomId, UUID userId, String change, String clientMsgId) {
		return append(roomId, userId, clientMsgId, SYSTEM, change);
	}

	private AcceptedMessage append(UUID roomId, UUID senderId, String clientMsgId, String contentType, String content) {
		UUID messageId = UuidV7.next();
		Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		SplitEvent event = SplitEvent.of(
				MessageEvent.accepted(messageId, roomId, 0, senderId, clientMsgId, contentType, content, sentAt),
				this.json);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			MessageScript.Outcome outcome = this.script.run(roomId, senderId, clientMsgId, event, messageId, sentAt,
					TEXT.equals(contentType) ? senderId : null);
			switch (outcome) {
				case MessageScript.Accepted(long seq) -> {
					this.activity.touch(roomId, sentAt);
					return new AcceptedMessage(messageId, roomId, seq, clientMsgId, sentAt, true);
				}
				case MessageScript.Duplicate(long seq, UUID originalId, Instant originalAt) -> {
					return new AcceptedMessage(originalId, roomId, seq, clientMsgId, originalAt, false);
				}
				case MessageScript.NeedsSeed() -> {
					log.info("Sequence counter of room {} missing, re-seeding from stored history", roomId);
					this.sequences.seed(roomId);
				}
			}
		}
		throw new IllegalStateException("The sequence counter of room " + roomId + " could not be seeded");
	}

}

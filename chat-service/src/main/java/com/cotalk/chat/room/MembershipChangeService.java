package com.cotalk.chat.room;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.cotalk.chat.ChatProperties;
import com.cotalk.chat.member.Membership;
import com.cotalk.chat.member.MembershipService;
import com.cotalk.chat.member.RoomNotFoundException;
import com.cotalk.chat.message.AcceptedMessage;
import com.cotalk.chat.message.MessageSendService;
import com.cotalk.chat.profile.ProfileDirectory;
import com.cotalk.chat.read.ReadStateService;

/**
 * Joins and leaves, each recorded in the room as a {@code SYSTEM} message about the user
 * concerned. Its clientMsgId is derived from the membership ({@code ~j:} or {@code ~l:},
 * the user, the join time; {@code ~} is not allowed in clients' ids), so a retried
 * request records nothing twice.
 */
@Service
class MembershipChangeService {

	static final String MEMBER_JOINED = "member_joined";

	static final String MEMBER_LEFT = "member_left";

	private final RoomRepository rooms;

	private final MembershipService memberships;

	private final ProfileDirectory profiles;

	private final RoomLimitService limits;

	private final MessageSendService messages;

	private final ReadStateService readState;

	private final RoomEventPublisher roomEvents;

	/**
	 * Joins older than this were recorded long ago; re-recording would not be
	 * deduplicated.
	 */
	private final Duration rerecordWindow;

	MembershipChangeService(RoomRepository rooms, MembershipService memberships, ProfileDirectory profiles,
			MessageSendService messages, ReadStateService readState, ChatProperties properties,
			RoomEventPublisher roomEvents, RoomLimitService limits) {
		this.limits = limits;
		this.roomEvents = roomEvents;
		this.rooms = rooms;
		this.memberships = memberships;
		this.profiles = profiles;
		this.messages = messages;
		this.readState = readState;
		this.rerecordWindow = properties.dedupeTtl().dividedBy(2);
	}

	/**
	 * Adds users to a group (members only). Users already in it are left as they are; a
	 * retry completes the join messages a failed attempt may have missed.
	 */
	void addMembers(UUID callerId, UUID roomId, List<UUID> userIds) {
		Membership caller = this.memberships.requireNow(roomId, callerId);
		if (!Membership.GROUP.equals(caller.roomType())) {
			throw new NotAGroupRoomException();
		}
		List<UUID> invited = userIds.stream().distinct().toList();
		this.profiles.requireAllExist(invited);
		List<UUID> others = invited.stream().filter((id) -> !id.equals(callerId)).toList();
		this.limits.requireNoBlocks(callerId, others);
		this.limits.puttingInGroups(callerId, others.size());
		this.limits.joining(others);
		List<UUID> added = this.rooms.addMembers(roomId, invited);
		this.memberships.changed(roomId, added);
		this.roomEvents.invited(roomId, this.rooms.findRoom(roomId).map(RoomRows.Room::name).orElse(null), callerId,
				added);
		Map<UUID, Instant> joinedAt = this.rooms.findMembers(roomId)
			.stream()
			.collect(Collectors.toMap(RoomRows.Member::userId, RoomRows.Member::joinedAt, (a, b) -> a));
		Instant recent = Instant.now().minus(this.rerecordWindow);
		for (UUID userId : invited) {
			Instant joined = joinedAt.get(userId);
			if (joined != null && (added.contains(userId) || joined.isAfter(recent))) {
				AcceptedMessage message = this.messages.appendSystem(roomId, userId, MEMBER_JOINED,
						"~j:" + userId + ":" + joined.toEpochMilli());
				// a new member starts with nothing unread
				this.readState.markRead(roomId, userId, message.seq());
			}
		}
	}

	/**
	 * The leave is recorded first, so that a retry after a failure still records it once.
	 */
	void leave(UUID callerId, UUID roomId) {
		this.memberships.requireNow(roomId, callerId);
		Instant joined = this.rooms.findJoinedAt(roomId, callerId).orElseThrow(RoomNotFoundException::new);
		this.messages.appendSystem(roomId, callerId, MEMBER_LEFT, "~l:" + callerId + ":" + joined.toEpochMilli());
		if (!this.rooms.deleteMember(roomId, callerId)) {
			throw new RoomNotFoundException();
		}
		this.memberships.changed(roomId, List.of(callerId));
	}

}

package com.cotalk.chat.room;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.chat.member.Membership;
import com.cotalk.chat.member.MembershipService;
import com.cotalk.chat.message.RoomSequences;
import com.cotalk.chat.profile.ProfileDirectory;
import com.cotalk.chat.profile.UserNotFoundException;
import com.cotalk.chat.read.ReadStateService;
import com.cotalk.chat.relation.RelationDirectory;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.ids.UuidV7;

/**
 * Opening rooms, read positions and settings. Joins and leaves:
 * {@link MembershipChangeService}.
 */
@Service
public class RoomService {

	private final RoomRepository rooms;

	private final MembershipService memberships;

	private final ProfileDirectory profiles;

	private final RelationDirectory relations;

	private final RoomSequences sequences;

	private final ReadStateService readState;

	private final RoomEventPublisher roomEvents;

	private final TransactionTemplate transactions;

	private final RoomLimitService limits;

	RoomService(RoomRepository rooms, MembershipService memberships, ProfileDirectory profiles,
			RelationDirectory relations, RoomSequences sequences, ReadStateService readState,
			TransactionTemplate transactions, RoomEventPublisher roomEvents, RoomLimitService limits) {
		this.limits = limits;
		this.roomEvents = roomEvents;
		this.rooms = rooms;
		this.memberships = memberships;
		this.profiles = profiles;
		this.relations = relations;
		this.sequences = sequences;
		this.readState = readState;
		this.transactions = transactions;
	}

	/**
	 * The pair's direct room, new or existing; both users become (again) members.
	 * @throws UserNotFoundException for an unknown user and when either blocked the other
	 */
	OpenedRoom openDirectRoom(UUID callerId, List<UUID> memberIds) {
		if (memberIds.size() != 1) {
			throw ApiException.validation("memberIds", "must hold exactly the other user of a direct room");
		}
		UUID otherId = memberIds.getFirst();
		if (otherId.equals(callerId)) {
			throw ApiException.validation("memberIds", "a direct room is with another user");
		}
		this.profiles.requireAllExist(List.of(otherId));
		if (this.relations.isBlockedEitherWay(callerId, otherId)) {
			throw new UserNotFoundException();
		}
		// PostgreSQL orders uuids as unsigned bytes, UUID.compareTo as signed longs: the
		// text form orders like PostgreSQL
		UUID lo = (callerId.toString().compareTo(otherId.toString()) < 0) ? callerId : otherId;
		UUID hi = lo.equals(callerId) ? otherId : callerId;
		UUID newId = UuidV7.next();
		OpenedRoom opened = this.transactions.execute((status) -> {
			if (this.rooms.claimDirectPair(lo, hi, newId)) {
				this.rooms.insertRoom(newId, Membership.DIRECT, null);
				this.rooms.addMembers(newId, List.of(callerId, otherId));
				return new OpenedRoom(newId, true);
			}
			UUID existing = this.rooms.findDirectRoom(lo, hi);
			this.rooms.addMembers(existing, List.of(callerId, otherId));
			return new OpenedRoom(existing, false);
		});
		if (opened.created()) {
			this.sequences.initialise(opened.roomId());
		}
		this.memberships.changed(opened.roomId(), List.of(callerId, otherId));
		return opened;
	}

	OpenedRoom createGroup(UUID callerId, String name, List<UUID> memberIds) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 50) {
			throw ApiException.validation("name", "must be 1 to 50 characters");
		}
		Set<UUID> members = new LinkedHashSet<>();
		members.add(callerId);
		members.addAll(memberIds);
		List<UUID> others = members.stream().filter((id) -> !id.equals(callerId)).toList();
		this.limits.creatingGroup(callerId, others.size());
		if (!others.isEmpty()) {
			this.profiles.requireAllExist(others);
		}
		this.limits.requireNoBlocks(callerId, others);
		this.limits.joining(members);
		UUID roomId = UuidV7.next();
		this.transactions.executeWithoutResult((status) -> {
			this.rooms.insertRoom(roomId, Membership.GROUP, trimmed);
			this.rooms.addMembers(roomId, members);
		});
		this.sequences.initialise(roomId);
		this.memberships.changed(roomId, new ArrayList<>(members));
		this.roomEvents.invited(roomId, trimmed, callerId, others);
		return new OpenedRoom(roomId, true);
	}

	/**
	 * Moves the caller's read position (REST and STOMP alike): never backwards, clamped
	 * to the room's last seq.
	 * @throws com.cotalk.chat.member.RoomNotFoundException for non-members
	 */
	public void markRead(UUID callerId, UUID roomId, long seq) {
		this.memberships.require(roomId, callerId);
		long clamped = Math.min(seq, this.sequences.lastSeq(roomId));
		this.readState.markRead(roomId, callerId, clamped);
	}

	RoomSettingsResponse updateSettings(UUID callerId, UUID roomId, boolean muted) {
		if (!this.rooms.updateMuted(roomId, callerId, muted)) {
			throw new com.cotalk.chat.member.RoomNotFoundException();
		}
		return new RoomSettingsResponse(roomId, muted);
	}

	record OpenedRoom(UUID roomId, boolean created) {
	}

}

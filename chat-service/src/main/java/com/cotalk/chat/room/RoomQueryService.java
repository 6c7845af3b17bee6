package com.cotalk.chat.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.cotalk.chat.activity.RoomActivityService;
import com.cotalk.chat.member.RoomNotFoundException;
import com.cotalk.chat.message.LastMessage;
import com.cotalk.chat.message.RoomSequences;
import com.cotalk.chat.profile.ProfileDirectory;
import com.cotalk.chat.read.ReadStateService;

/**
 * The chat list, room details and the internal membership reads. Read positions include
 * the ones every instance shares in Redis, activity what this instance has not written
 * yet; unread counts are derived from watermarks ({@code lastSeq - lastReadSeq}), never
 * kept as counters.
 */
@Service
class RoomQueryService {

	private final RoomRepository rooms;

	private final RoomSequences sequences;

	private final ProfileDirectory profiles;

	private final ReadStateService readState;

	private final RoomActivityService activity;

	RoomQueryService(RoomRepository rooms, RoomSequences sequences, ProfileDirectory profiles,
			ReadStateService readState, RoomActivityService activity) {
		this.rooms = rooms;
		this.sequences = sequences;
		this.profiles = profiles;
		this.readState = readState;
		this.activity = activity;
	}

	/**
	 * One query, one pipelined read of the counters, one last-messages call and one
	 * profile lookup (for direct rooms' names), whatever the number of rooms.
	 */
	ChatListResponse chatList(UUID userId) {
		List<RoomRows.ChatListEntry> entries = this.rooms.findChatList(userId);
		List<UUID> roomIds = entries.stream().map(RoomRows.ChatListEntry::roomId).toList();
		Map<UUID, Long> counters = this.sequences.counters(roomIds);
		Map<UUID, LastMessage> lastMessages = this.sequences.lastMessages(roomIds);
		ReadStateService.Positions reads = this.readState.ofMember(userId, roomIds);
		Map<UUID, String> names = this.profiles.displayNames(
				entries.stream().map(RoomRows.ChatListEntry::otherUserId).filter(Objects::nonNull).distinct().toList());
		List<Ranked> ranked = new ArrayList<>(entries.size());
		for (RoomRows.ChatListEntry entry : entries) {
			LastMessage last = lastMessages.get(entry.roomId());
			long lastSeq = Math.max(counters.getOrDefault(entry.roomId(), 0L), (last != null) ? last.seq() : 0);
			long lastRead = reads.lastReadSeq(entry.roomId(), userId, entry.lastReadSeq());
			Instant active = this.activity.lastActivity(entry.roomId(), entry.lastActivityAt());
			if (last != null && last.sentAt().isAfter(active)) {
				active = last.sentAt();
			}
			String name = (entry.otherUserId() != null) ? names.get(entry.otherUserId()) : entry.name();
			ranked.add(new Ranked(active,
					new ChatListResponse.Item(entry.roomId(), entry.type(), name, entry.memberCount(),
							(last != null) ? lastMessage(last) : null, lastSeq, Math.max(0, lastSeq - lastRead),
							entry.muted())));
		}
		ranked.sort(Comparator.comparing(Ranked::activeAt).reversed());
		return new ChatListResponse(ranked.stream().map(Ranked::item).toList());
	}

	/**
	 * @throws RoomNotFoundException for non-members
	 */
	RoomDetailsResponse details(UUID callerId, UUID roomId) {
		RoomRows.Room room = this.rooms.findRoom(roomId).orElseThrow(RoomNotFoundException::new);
		List<RoomRows.Member> members = this.rooms.findMembers(roomId);
		if (members.stream().noneMatch((member) -> member.userId().equals(callerId))) {
			throw new RoomNotFoundException();
		}
		UUID other = room.otherUserOf(callerId);
		List<UUID> ids = new ArrayList<>(members.stream().map(RoomRows.Member::userId).toList());
		if (other != null) {
			ids.add(other);
		}
		Map<UUID, String> names = this.profiles.displayNames(ids);
		ReadStateService.Positions reads = this.readState.inRoom(roomId);
		List<RoomDetailsResponse.MemberResponse> memberResponses = members.stream()
			.map((member) -> new RoomDetailsResponse.MemberResponse(member.userId(),
					names.getOrDefault(member.userId(), ""),
					reads.lastReadSeq(roomId, member.userId(), member.lastReadSeq()), member.joinedAt()))
			.toList();
		String name = (other != null) ? names.get(other) : room.name();
		return new RoomDetailsResponse(roomId, room.type(), name, this.sequences.lastSeq(roomId), memberResponses);
	}

	/**
	 * @throws RoomNotFoundException for an unknown room
	 */
	InternalRoomController.MemberListResponse memberReadStates(UUID roomId) {
		RoomRows.Room room = this.rooms.findRoom(roomId).orElseThrow(RoomNotFoundException::new);
		ReadStateService.Positions reads = this.readState.inRoom(roomId);
		return new InternalRoomController.MemberListResponse(room.type(), room.name(),
				this.rooms.findMembers(roomId)
					.stream()
					.map((member) -> new InternalRoomController.MemberReadState(member.userId(),
							reads.lastReadSeq(roomId, member.userId(), member.lastReadSeq()), member.muted()))
					.toList());
	}

	List<UUID> roomIdsOf(UUID userId) {
		return this.rooms.findRoomIdsOf(userId);
	}

	private static ChatListResponse.LastMessageResponse lastMessage(LastMessage last) {
		return new ChatListResponse.LastMessageResponse(last.seq(), last.senderId(), last.preview(), last.sentAt(),
				last.contentType());
	}

	private record Ranked(Instant activeAt, ChatListResponse.Item item) {
	}

}

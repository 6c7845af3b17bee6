package com.cotalk.notification.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.common.presence.OnlineUsers;
import com.cotalk.notification.device.DeviceService;
import com.cotalk.notification.directory.ProfileDirectory;
import com.cotalk.notification.directory.RoomDirectory;
import com.cotalk.notification.directory.RoomMember;
import com.cotalk.notification.directory.RoomMembers;
import com.cotalk.notification.feed.MessageHandler;

/**
 * Queues a push of each new text message for the members who would not see it live: not
 * the sender, not those who muted the room, not those with a live STOMP session on any
 * chat-service instance, and only those with a registered device.
 */
@Component
class PushDispatchHandler implements MessageHandler {

	private static final String TEXT = "TEXT";

	private static final String DIRECT = "DIRECT";

	private final RoomDirectory rooms;

	private final ProfileDirectory profiles;

	private final DeviceService devices;

	private final PushQueue queue;

	private final StringRedisTemplate redis;

	private final Cache<UUID, RoomMembers> recentMembers;

	PushDispatchHandler(RoomDirectory rooms, ProfileDirectory profiles, DeviceService devices, PushQueue queue,
			StringRedisTemplate redis, DispatchProperties properties) {
		this.recentMembers = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(properties.membersCache())
			.build();
		this.rooms = rooms;
		this.profiles = profiles;
		this.devices = devices;
		this.queue = queue;
		this.redis = redis;
	}

	@Override
	public void onMessage(MessageEvent message) {
		String text = message.content();
		if (!TEXT.equals(message.contentType()) || message.deleted() || text == null) {
			return;
		}
		RoomMembers members = this.recentMembers.get(message.roomId(), this.rooms::members);
		List<UUID> candidates = members.items()
			.stream()
			.filter((member) -> !member.muted() && !member.userId().equals(message.senderId()))
			.map(RoomMember::userId)
			.toList();
		if (candidates.isEmpty()) {
			return;
		}
		Set<UUID> offline = new HashSet<>(candidates);
		offline.removeAll(OnlineUsers.among(this.redis, candidates));
		offline.retainAll(this.devices.usersWithDevices(offline));
		if (offline.isEmpty()) {
			return;
		}
		String title = title(members, message.senderId());
		for (UUID userId : offline) {
			this.queue.offer(userId, message.roomId(), message.seq(), title, text);
		}
	}

	/** A direct room is titled by the sender, a group by its name. */
	private String title(RoomMembers members, UUID senderId) {
		if (!DIRECT.equals(members.roomType()) && members.roomName() != null) {
			return members.roomName();
		}
		return this.profiles.displayNames(List.of(senderId)).getOrDefault(senderId, "Co-Talk");
	}

}

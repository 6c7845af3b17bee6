package com.cotalk.notification.mention;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.cotalk.common.messages.MessageEvent;
import com.cotalk.notification.directory.ProfileDirectory;
import com.cotalk.notification.directory.RoomDirectory;
import com.cotalk.notification.directory.RoomMember;
import com.cotalk.notification.feed.MessageHandler;
import com.cotalk.notification.inbox.NewNotification;
import com.cotalk.notification.inbox.NotificationService;

/**
 * A {@code MENTION} for each member of the room (not the sender) whose display name a
 * text message names after {@code @}. Members and names are looked up only for messages
 * that hold an {@code @} followed by something; all others cost nothing.
 */
@Component
class MentionHandler implements MessageHandler {

	private static final String TEXT = "TEXT";

	private final RoomDirectory rooms;

	private final ProfileDirectory profiles;

	private final NotificationService notifications;

	MentionHandler(RoomDirectory rooms, ProfileDirectory profiles, NotificationService notifications) {
		this.rooms = rooms;
		this.profiles = profiles;
		this.notifications = notifications;
	}

	@Override
	public void onMessage(MessageEvent message) {
		String text = message.content();
		if (!TEXT.equals(message.contentType()) || message.deleted() || text == null || !mayMention(text)) {
			return;
		}
		List<UUID> others = this.rooms.members(message.roomId())
			.items()
			.stream()
			.map(RoomMember::userId)
			.filter((member) -> !member.equals(message.senderId()))
			.toList();
		if (others.isEmpty()) {
			return;
		}
		Map<UUID, String> names = this.profiles.displayNames(others);
		Set<UUID> mentioned = Mentions.find(text, names);
		for (UUID member : mentioned) {
			this.notifications
				.notify(NewNotification.mention(member, message.senderId(), message.roomId(), message.seq()));
		}
	}

	/** An {@code @} with something after it that could start a name. */
	private static boolean mayMention(String text) {
		for (int at = text.indexOf('@'); at >= 0 && at + 1 < text.length(); at = text.indexOf('@', at + 1)) {
			if (!Character.isWhitespace(text.charAt(at + 1))) {
				return true;
			}
		}
		return false;
	}

}

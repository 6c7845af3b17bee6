package com.cotalk.friend.friendship;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.cotalk.friend.profile.UserProfile;

record FriendResponse(UUID userId, String displayName, String statusMessage, @Nullable String avatarUrl, boolean online,
		Instant since) {

	static FriendResponse from(Friendship friendship, UserProfile profile, boolean online) {
		return new FriendResponse(friendship.friendId(), profile.displayName(), profile.statusMessage(),
				profile.avatarUrl(), online, friendship.since());
	}

}

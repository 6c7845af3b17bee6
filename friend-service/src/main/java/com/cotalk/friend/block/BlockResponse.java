package com.cotalk.friend.block;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.cotalk.friend.profile.UserProfile;

record BlockResponse(UUID userId, String displayName, String statusMessage, @Nullable String avatarUrl,
		Instant blockedAt) {

	static BlockResponse from(Block block, UserProfile profile) {
		return new BlockResponse(block.blockedId(), profile.displayName(), profile.statusMessage(), profile.avatarUrl(),
				block.createdAt());
	}

}

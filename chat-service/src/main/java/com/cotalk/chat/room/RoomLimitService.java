package com.cotalk.chat.room;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.cotalk.chat.ChatProperties;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.redis.Quotas;

/**
 * What one account may do with rooms ({@link ChatProperties.Limits}): groups created and
 * users put in groups per hour (429 {@code RATE_LIMITED}), and rooms a user may be in at
 * once (409 {@code TOO_MANY_ROOMS}).
 */
@Service
class RoomLimitService {

	static final String TOO_MANY_ROOMS = "TOO_MANY_ROOMS";

	private static final Duration HOUR = Duration.ofHours(1);

	private final Quotas quotas;

	private final RoomRepository rooms;

	private final ChatProperties.Limits limits;

	RoomLimitService(StringRedisTemplate redis, RoomRepository rooms, ChatProperties properties) {
		this.quotas = new Quotas(redis);
		this.rooms = rooms;
		this.limits = properties.limits();
	}

	void creatingGroup(UUID callerId) {
		this.quotas.take(new Quotas.Quota("chat:groups:" + callerId, this.limits.groupsPerHour(), HOUR), 1);
	}

	void puttingInGroups(UUID callerId, int users) {
		if (users > 0) {
			this.quotas.take(new Quotas.Quota("chat:invitations:" + callerId, this.limits.invitationsPerHour(), HOUR),
					users);
		}
	}

	/**
	 * @throws ApiException 409 when any of the users is in as many rooms as allowed
	 */
	void joining(Collection<UUID> userIds) {
		if (!userIds.isEmpty() && !this.rooms.usersInAtLeast(userIds, this.limits.roomsPerUser()).isEmpty()) {
			throw new ApiException(HttpStatus.CONFLICT, TOO_MANY_ROOMS,
					"A user is in as many rooms as allowed (" + this.limits.roomsPerUser() + "); leave some first.");
		}
	}

}

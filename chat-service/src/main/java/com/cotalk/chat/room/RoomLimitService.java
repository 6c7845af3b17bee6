package com.cotalk.chat.room;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.cotalk.chat.ChatProperties;
import com.cotalk.chat.profile.UserNotFoundException;
import com.cotalk.chat.relation.RelationDirectory;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.redis.Quotas;

/**
 * Who may be put in groups, and how much one account may do with rooms
 * ({@link ChatProperties.Limits}): nobody across a block, groups created and users put in
 * groups per hour (429 {@code RATE_LIMITED}), and rooms a user may be in at once (409
 * {@code TOO_MANY_ROOMS}).
 */
@Service
class RoomLimitService {

	static final String TOO_MANY_ROOMS = "TOO_MANY_ROOMS";

	private static final Duration HOUR = Duration.ofHours(1);

	private final Quotas quotas;

	private final RoomRepository rooms;

	private final ChatProperties.Limits limits;

	private final RelationDirectory relations;

	RoomLimitService(StringRedisTemplate redis, RoomRepository rooms, ChatProperties properties,
			RelationDirectory relations) {
		this.relations = relations;
		this.quotas = new Quotas(redis);
		this.rooms = rooms;
		this.limits = properties.limits();
	}

	/**
	 * A group with {@code invitees} others: one creation and that many invitations, taken
	 * together or not at all.
	 */
	void creatingGroup(UUID callerId, int invitees) {
		Quotas.Take group = new Quotas.Take(groups(callerId), 1);
		if (invitees > 0) {
			this.quotas.take(group, new Quotas.Take(invitations(callerId), invitees));
		}
		else {
			this.quotas.take(group);
		}
	}

	void puttingInGroups(UUID callerId, int users) {
		if (users > 0) {
			this.quotas.take(new Quotas.Take(invitations(callerId), users));
		}
	}

	/**
	 * Nobody is put in a group by someone they blocked or who blocked them; the answer is
	 * the unknown user's, so that a block does not show.
	 * @throws UserNotFoundException when any of them is blocked either way
	 */
	void requireNoBlocks(UUID callerId, List<UUID> others) {
		if (!others.isEmpty() && !this.relations.blockedEitherWayAmong(callerId, others).isEmpty()) {
			throw new UserNotFoundException();
		}
	}

	private Quotas.Quota groups(UUID callerId) {
		return new Quotas.Quota(callerId.toString(), "chat:groups", this.limits.groupsPerHour(), HOUR);
	}

	private Quotas.Quota invitations(UUID callerId) {
		return new Quotas.Quota(callerId.toString(), "chat:invitations", this.limits.invitationsPerHour(), HOUR);
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

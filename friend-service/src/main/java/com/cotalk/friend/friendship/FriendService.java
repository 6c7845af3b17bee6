package com.cotalk.friend.friendship;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.cotalk.common.events.FriendEvent;
import com.cotalk.friend.block.UserBlocked;
import com.cotalk.friend.pair.PairLock;
import com.cotalk.friend.presence.PresenceReader;
import com.cotalk.friend.profile.ProfileDirectory;
import com.cotalk.friend.profile.ProfileLookup;

@Service
public class FriendService {

	private final FriendshipRepository friendships;

	private final PairLock pairLock;

	private final ProfileDirectory profiles;

	private final PresenceReader presence;

	private final ApplicationEventPublisher events;

	FriendService(FriendshipRepository friendships, PairLock pairLock, ProfileDirectory profiles,
			PresenceReader presence, ApplicationEventPublisher events) {
		this.friendships = friendships;
		this.pairLock = pairLock;
		this.profiles = profiles;
		this.presence = presence;
		this.events = events;
	}

	public boolean areFriends(UUID one, UUID other) {
		return this.friendships.exists(one, other);
	}

	public List<UUID> friendIds(UUID userId) {
		return this.friendships.findFriendIds(userId);
	}

	/** Within a transaction that holds the pair's lock. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void befriend(UUID one, UUID other) {
		this.friendships.insertBothWays(one, other);
	}

	/**
	 * Profiles come from the cache (user-service only for misses), the online flag from
	 * the presence sets; no database transaction is held meanwhile.
	 */
	List<FriendResponse> listFriends(UUID me) {
		List<Friendship> friends = this.friendships.findByUser(me);
		List<UUID> ids = friends.stream().map(Friendship::friendId).toList();
		ProfileLookup lookup = this.profiles.lookupForDisplay(ids);
		Set<UUID> online = this.presence.onlineAmong(ids);
		return friends.stream()
			.map((friend) -> FriendResponse.from(friend, lookup.profileOf(friend.friendId()),
					online.contains(friend.friendId())))
			.sorted(FriendOrder.BY_NAME)
			.toList();
	}

	/** Ends the friendship for both sides. */
	@Transactional
	void removeFriend(UUID me, UUID friendId) {
		this.pairLock.lock(me, friendId);
		if (!end(me, friendId)) {
			throw new FriendNotFoundException();
		}
	}

	@EventListener
	void endFriendshipOnBlock(UserBlocked event) {
		end(event.blockerId(), event.blockedId());
	}

	private boolean end(UUID actor, UUID other) {
		boolean ended = this.friendships.deleteBothWays(actor, other);
		if (ended) {
			this.events
				.publishEvent(FriendEvent.of(FriendEvent.Type.FRIENDSHIP_REMOVED, actor, other, null, Instant.now()));
		}
		return ended;
	}

}

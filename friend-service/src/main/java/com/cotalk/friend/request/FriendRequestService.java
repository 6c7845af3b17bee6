package com.cotalk.friend.request;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import com.cotalk.common.ids.UuidV7;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.events.FriendEvent;
import com.cotalk.common.redis.Quotas;
import com.cotalk.friend.FriendProperties;
import com.cotalk.friend.block.BlockService;
import com.cotalk.friend.block.UserBlocked;
import com.cotalk.friend.friendship.FriendService;
import com.cotalk.friend.pair.PairLock;
import com.cotalk.friend.profile.ProfileDirectory;
import com.cotalk.friend.profile.UserNotFoundException;

/**
 * Friend requests. Every change takes the pair's lock first, so that at most one request
 * between two users is pending at a time and two requests sent to each other at the same
 * moment end as one friendship.
 */
@Service
class FriendRequestService {

	private static final Duration DAY = Duration.ofDays(1);

	private final FriendRequestRepository requests;

	private final FriendService friends;

	private final BlockService blocks;

	private final ProfileDirectory profiles;

	private final PairLock pairLock;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Quotas quotas;

	private final FriendProperties settings;

	FriendRequestService(FriendRequestRepository requests, FriendService friends, BlockService blocks,
			ProfileDirectory profiles, PairLock pairLock, ApplicationEventPublisher events,
			TransactionOperations transactions, StringRedisTemplate redis, FriendProperties settings) {
		this.quotas = new Quotas(redis);
		this.settings = settings;
		this.requests = requests;
		this.friends = friends;
		this.blocks = blocks;
		this.profiles = profiles;
		this.pairLock = pairLock;
		this.events = events;
		this.transactions = transactions;
	}

	record Sent(FriendRequest request, boolean created) {
	}

	/**
	 * A new pending request; or, when the other user already asked me, their request
	 * accepted. Unknown and blocked users alike are {@link UserNotFoundException}. The
	 * user-service lookup happens before the transaction, so no connection waits on it.
	 */
	Sent sendRequest(UUID me, UUID other) {
		if (me.equals(other)) {
			throw ApiException.validation("userId", "must not be your own id");
		}
		this.profiles.requireExists(other);
		return Objects.requireNonNull(this.transactions.execute((status) -> sendUnderLock(me, other)));
	}

	private Sent sendUnderLock(UUID me, UUID other) {
		this.pairLock.lock(me, other);
		if (this.blocks.isBlockedEitherWay(me, other)) {
			throw new UserNotFoundException();
		}
		if (this.friends.areFriends(me, other)) {
			throw new AlreadyFriendsException();
		}
		if (this.requests.findPending(me, other).isPresent()) {
			throw new RequestPendingException();
		}
		Optional<FriendRequest> theirs = this.requests.findPending(other, me);
		if (theirs.isPresent()) {
			return new Sent(accept(theirs.get()), false);
		}
		// counted only for requests that would notify someone, under the pair's lock
		String owner = me.toString();
		this.quotas.take(
				new Quotas.Take(new Quotas.Quota(owner, "friend:requests", this.settings.requestsPerDay(), DAY), 1),
				new Quotas.Take(
						new Quotas.Quota(owner, "friend:requests:" + other, this.settings.requestsPerPairPerDay(), DAY),
						1));
		FriendRequest created = this.requests.insertPending(UuidV7.next(), me, other);
		this.events.publishEvent(
				FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_CREATED, me, other, created.id(), created.createdAt()));
		return new Sent(created, true);
	}

	/** Pending requests, newest first. */
	List<FriendRequest> listRequests(UUID me, RequestBox box, int limit) {
		return switch (box) {
			case INCOMING -> this.requests.findPendingTo(me, limit);
			case OUTGOING -> this.requests.findPendingFrom(me, limit);
		};
	}

	@Transactional
	FriendRequest acceptRequest(UUID me, UUID requestId) {
		FriendRequest request = findAddressedTo(me, requestId);
		this.pairLock.lock(request.fromUserId(), me);
		return accept(request);
	}

	@Transactional
	FriendRequest declineRequest(UUID me, UUID requestId) {
		FriendRequest request = findAddressedTo(me, requestId);
		this.pairLock.lock(request.fromUserId(), me);
		return this.requests.answer(requestId, RequestStatus.DECLINED).orElseThrow(RequestNotPendingException::new);
	}

	/** Withdraws a request I sent that is still pending. */
	@Transactional
	void cancelRequest(UUID me, UUID requestId) {
		FriendRequest request = this.requests.findById(requestId)
			.filter((found) -> found.fromUserId().equals(me))
			.orElseThrow(RequestNotFoundException::new);
		this.pairLock.lock(me, request.toUserId());
		this.requests.answer(requestId, RequestStatus.CANCELLED).orElseThrow(RequestNotPendingException::new);
	}

	@EventListener
	void cancelRequestsOnBlock(UserBlocked event) {
		this.requests.cancelPendingBetween(event.blockerId(), event.blockedId());
	}

	/**
	 * Under the pair's lock: the recipient (who may be answering by asking back) accepts.
	 */
	private FriendRequest accept(FriendRequest request) {
		FriendRequest accepted = this.requests.answer(request.id(), RequestStatus.ACCEPTED)
			.orElseThrow(RequestNotPendingException::new);
		this.friends.befriend(request.fromUserId(), request.toUserId());
		this.events.publishEvent(FriendEvent.of(FriendEvent.Type.FRIEND_REQUEST_ACCEPTED, request.toUserId(),
				request.fromUserId(), request.id(), Objects.requireNonNull(accepted.respondedAt())));
		return accepted;
	}

	/** Someone else's request is as unknown as a request that does not exist. */
	private FriendRequest findAddressedTo(UUID me, UUID requestId) {
		return this.requests.findById(requestId)
			.filter((request) -> request.toUserId().equals(me))
			.orElseThrow(RequestNotFoundException::new);
	}

}

package com.cotalk.friend.block;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import com.cotalk.common.error.ApiException;
import com.cotalk.friend.pair.PairLock;
import com.cotalk.friend.profile.ProfileDirectory;
import com.cotalk.friend.profile.ProfileLookup;
import com.cotalk.friend.profile.UserServiceUnavailableException;

@Service
public class BlockService {

	private final BlockRepository blocks;

	private final PairLock pairLock;

	private final ProfileDirectory profiles;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	BlockService(BlockRepository blocks, PairLock pairLock, ProfileDirectory profiles, ApplicationEventPublisher events,
			TransactionOperations transactions) {
		this.blocks = blocks;
		this.pairLock = pairLock;
		this.profiles = profiles;
		this.events = events;
		this.transactions = transactions;
	}

	/** Whether either user blocked the other. */
	public boolean isBlockedEitherWay(UUID one, UUID other) {
		return this.blocks.existsEitherWay(one, other);
	}

	/** Those of the others whom the user blocked or who blocked the user. */
	public List<UUID> blockedEitherWayAmong(UUID userId, List<UUID> others) {
		return this.blocks.blockedEitherWayAmong(userId, others);
	}

	/**
	 * Idempotent. Ends any friendship and pending request between the two, in the same
	 * transaction. An unknown user is refused; when user-service cannot tell, the block
	 * is made anyway, because a user who wants to block someone must not have to wait.
	 */
	void blockUser(UUID me, UUID other) {
		requireOther(me, other);
		try {
			this.profiles.requireExists(other);
		}
		catch (UserServiceUnavailableException ex) {
			// blocking an id that may not exist harms nobody
		}
		this.transactions.executeWithoutResult((status) -> {
			this.pairLock.lock(me, other);
			this.blocks.insert(me, other);
			this.events.publishEvent(new UserBlocked(me, other));
		});
	}

	@Transactional
	void unblockUser(UUID me, UUID other) {
		requireOther(me, other);
		this.pairLock.lock(me, other);
		this.blocks.delete(me, other);
	}

	List<BlockResponse> listBlocks(UUID me) {
		List<Block> blocked = this.blocks.findByBlocker(me);
		ProfileLookup lookup = this.profiles.lookupForDisplay(blocked.stream().map(Block::blockedId).toList());
		return blocked.stream().map((block) -> BlockResponse.from(block, lookup.profileOf(block.blockedId()))).toList();
	}

	private static void requireOther(UUID me, UUID other) {
		if (me.equals(other)) {
			throw ApiException.validation("userId", "must not be your own id");
		}
	}

}

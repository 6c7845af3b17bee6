package com.cotalk.auth.profile;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.event.EventListener;

import com.cotalk.auth.account.AccountCreated;

/**
 * Gives every account its profile in user-service through a transactional outbox: the
 * sign-up transaction records the profile to create; right after commit it is delivered,
 * and if user-service is down a scheduled sweep retries with exponential backoff (up to 5
 * minutes apart) until it is accepted. Sign-up itself never fails because user-service is
 * down; the profile appears as soon as user-service answers again.
 */
@Component
class ProfileRelay {

	private static final Logger log = LoggerFactory.getLogger(ProfileRelay.class);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

	private final ProfileOutboxRepository outbox;

	private final UserServiceClient userService;

	private final TransactionTemplate transactions;

	ProfileRelay(ProfileOutboxRepository outbox, UserServiceClient userService,
			PlatformTransactionManager transactionManager) {
		this.outbox = outbox;
		this.userService = userService;
		// a new transaction even when called after the sign-up commit, whose resources
		// are still bound to the thread
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Same transaction as the account: no account is ever committed without its outbox
	 * entry.
	 */
	@EventListener
	void record(AccountCreated event) {
		this.outbox.add(event.accountId(), event.email(), event.displayName());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void deliverNow(AccountCreated event) {
		this.transactions
			.executeWithoutResult((status) -> this.outbox.lockOne(event.accountId()).forEach(this::deliver));
	}

	@Scheduled(fixedDelayString = "${cotalk.auth.profile-relay-interval:2s}")
	void deliverDue() {
		this.transactions.executeWithoutResult((status) -> {
			List<ProfileOutboxRepository.PendingProfile> due = this.outbox.lockDue(50);
			due.forEach(this::deliver);
		});
	}

	private void deliver(ProfileOutboxRepository.PendingProfile profile) {
		try {
			this.userService.createProfile(profile);
			this.outbox.delete(profile.accountId());
		}
		catch (RuntimeException ex) {
			Duration delay = backoff(profile.attempts());
			log.warn("Profile for account {} not delivered (attempt {}), retrying in {}s: {}", profile.accountId(),
					profile.attempts() + 1, delay.toSeconds(), ex.getClass().getSimpleName());
			this.outbox.postpone(profile.accountId(), delay);
		}
	}

	static Duration backoff(int attempts) {
		long seconds = 1L << Math.min(attempts, 9);
		return (seconds > MAX_BACKOFF.toSeconds()) ? MAX_BACKOFF : Duration.ofSeconds(seconds);
	}

}

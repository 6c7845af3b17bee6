package com.cotalk.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.cotalk.auth.AuthProperties;
import com.cotalk.auth.account.AccountService;
import com.cotalk.auth.key.AccessTokenIssuer;

/**
 * Login, refresh-token rotation and logout. Each login starts a token family; each
 * refresh retires the presented token and issues its successor in the same family. A
 * retired token presented again means it leaked: the whole family is revoked and its
 * holder, legitimate or not, must log in again.
 */
@Service
class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountService accounts;

	private final RefreshTokenRepository tokens;

	private final AccessTokenIssuer issuer;

	private final LoginThrottle throttle;

	private final AuthProperties.Jwt settings;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	SessionService(AccountService accounts, RefreshTokenRepository tokens, AccessTokenIssuer issuer,
			LoginThrottle throttle, AuthProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.tokens = tokens;
		this.issuer = issuer;
		this.throttle = throttle;
		this.settings = properties.jwt();
	}

	/**
	 * Not one transaction: bcrypt takes a quarter of a second and must not hold a pooled
	 * connection meanwhile.
	 */
	TokenResponse login(String email, String password, String clientIp) {
		this.throttle.reserveAttempt(clientIp, email);
		UUID accountId = this.accounts.authenticate(email, password);
		this.throttle.succeeded(clientIp, email);
		return issue(accountId, UUID.randomUUID());
	}

	@Transactional(noRollbackFor = InvalidRefreshTokenException.class)
	TokenResponse refresh(String refreshToken) {
		byte[] hash = hash(refreshToken);
		RefreshTokenRepository.StoredToken stored = this.tokens.findForUpdate(hash)
			.orElseThrow(InvalidRefreshTokenException::new);
		Instant now = this.clock.instant();
		if (stored.revokedAt() != null || stored.expiresAt().isBefore(now)) {
			throw new InvalidRefreshTokenException();
		}
		if (stored.usedAt() != null) {
			log.warn("Refresh token reused: revoking token family {} of account {}", stored.familyId(),
					stored.accountId());
			this.tokens.revokeFamily(stored.familyId(), now);
			this.events.publishEvent(new SessionRevoked(stored.familyId()));
			throw new InvalidRefreshTokenException();
		}
		this.tokens.markUsed(hash, now);
		return issue(stored.accountId(), stored.familyId());
	}

	@Transactional
	void logout(String refreshToken) {
		this.tokens.findForUpdate(hash(refreshToken)).ifPresent((stored) -> {
			this.tokens.revokeFamily(stored.familyId(), this.clock.instant());
			this.events.publishEvent(new SessionRevoked(stored.familyId()));
		});
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	void purgeExpired() {
		int purged = this.tokens.deleteExpiredBefore(this.clock.instant());
		if (purged > 0) {
			log.info("Purged {} expired refresh tokens", purged);
		}
	}

	private TokenResponse issue(UUID accountId, UUID familyId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		this.tokens.insert(hash(refreshToken), familyId, accountId, now, now.plus(this.settings.refreshTokenTtl()));
		AccessTokenIssuer.IssuedToken access = this.issuer.issue(accountId, familyId);
		return new TokenResponse(access.token(), refreshToken, access.expiresInSeconds(), accountId);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

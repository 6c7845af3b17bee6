package com.cotalk.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.cotalk.common.ids.UuidV7;

@Service
public class AccountService {

	/** bcrypt reads 72 bytes at most; longer passwords are refused, never truncated. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private static final int BCRYPT_COST = 12;

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(BCRYPT_COST);

	/**
	 * Compared against when the email is unknown, so both failures take the same time.
	 */
	private final String decoyHash = this.encoder.encode(UUID.randomUUID().toString());

	AccountService(AccountRepository accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	@Transactional
	SignupResponse signUp(SignupRequest request) {
		String email = request.normalizedEmail();
		String displayName = request.displayName().strip();
		UUID id = UuidV7.next();
		if (!this.accounts.insert(id, email, this.encoder.encode(request.password()))) {
			throw new EmailTakenException();
		}
		this.events.publishEvent(new AccountCreated(id, email, displayName));
		return new SignupResponse(id, email, displayName);
	}

	/**
	 * @return the account id; {@link BadCredentialsException} for an unknown email and a
	 * wrong password alike
	 */
	@Transactional(readOnly = true)
	public UUID authenticate(String email, String password) {
		var credentials = this.accounts.findCredentials(email.trim().toLowerCase(Locale.ROOT));
		boolean acceptable = password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
		String hash = credentials.map(AccountRepository.Credentials::passwordHash).orElse(this.decoyHash);
		boolean matches = acceptable && this.encoder.matches(password, hash);
		if (credentials.isEmpty() || !matches) {
			throw new BadCredentialsException();
		}
		return credentials.get().id();
	}

}

package com.cotalk.auth.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.auth.AuthProperties;

/**
 * The key access tokens are signed with, and the keys the JWKS publishes. A configured
 * PEM key wins; without one a development key is generated once and kept in the database,
 * so that tokens survive restarts and every instance agrees. Rotation: configure the new
 * key and move the old public key to {@code previous-public-keys} until the last token it
 * signed has expired (access-token TTL).
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final SigningKey current;

	private final List<SigningKey> published;

	SigningKeys(AuthProperties properties, SigningKeyRepository repository, TransactionTemplate transactions) {
		AuthProperties.Jwt jwt = properties.jwt();
		List<SigningKey> keys = new ArrayList<>();
		if (!jwt.privateKey().isBlank()) {
			RSAPrivateCrtKey privateKey = Pem.privateKey(jwt.privateKey());
			String kid = jwt.keyId().isBlank() ? "cotalk-1" : jwt.keyId();
			keys.add(new SigningKey(kid, privateKey, Pem.publicKeyOf(privateKey)));
		}
		else {
			List<SigningKeyRepository.StoredKey> stored = transactions
				.execute((status) -> storedOrGenerated(repository));
			for (SigningKeyRepository.StoredKey key : stored) {
				keys.add(new SigningKey(key.kid(), Pem.privateKey(key.privateKey()), Pem.publicKey(key.publicKey())));
			}
		}
		for (AuthProperties.PublicKeyEntry previous : jwt.previousPublicKeys()) {
			keys.add(new SigningKey(previous.keyId(), null, Pem.publicKey(previous.publicKey())));
		}
		this.current = keys.getFirst();
		this.published = List.copyOf(keys);
	}

	private static List<SigningKeyRepository.StoredKey> storedOrGenerated(SigningKeyRepository repository) {
		repository.lockForCreation();
		List<SigningKeyRepository.StoredKey> stored = repository.findAll();
		if (!stored.isEmpty()) {
			return stored;
		}
		KeyPair pair = generate();
		String kid = "dev-" + UUID.randomUUID();
		var key = new SigningKeyRepository.StoredKey(kid, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()),
				Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
		repository.insert(key);
		log.warn("No JWT signing key configured: generated development key {} and stored it in the database", kid);
		return List.of(key);
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String currentKid() {
		return this.current.kid();
	}

	RSAPrivateKey currentPrivateKey() {
		RSAPrivateKey key = this.current.privateKey();
		if (key == null) {
			throw new IllegalStateException("The current key has no private half");
		}
		return key;
	}

	List<SigningKey> published() {
		return this.published;
	}

}

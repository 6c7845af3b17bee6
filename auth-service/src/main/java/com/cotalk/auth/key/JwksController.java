package com.cotalk.auth.key;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JWKS: the current key and any previous keys still verifying tokens in
 * circulation.
 */
@RestController
class JwksController {

	private final Map<String, Object> jwks;

	JwksController(SigningKeys keys) {
		List<Map<String, String>> entries = keys.published()
			.stream()
			.map((key) -> Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", key.kid(), "n",
					base64Url(key.publicKey().getModulus()), "e", base64Url(key.publicKey().getPublicExponent())))
			.toList();
		this.jwks = Map.of("keys", entries);
	}

	@GetMapping("/api/auth/jwks")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.jwks);
	}

	private static String base64Url(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

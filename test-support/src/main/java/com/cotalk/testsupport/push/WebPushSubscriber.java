package com.cotalk.testsupport.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of a Web Push subscription: its P-256 key pair and auth secret, and
 * the RFC 8291 decryption of an {@code aes128gcm} body written with JDK crypto only (no
 * code shared with the library under test).
 */
public final class WebPushSubscriber {

	private final KeyPair keys;

	private final byte[] authSecret = new byte[16];

	public WebPushSubscriber() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		this.keys = generator.generateKeyPair();
		new SecureRandom().nextBytes(this.authSecret);
	}

	public String p256dh() {
		return base64Url(uncompressed((ECPublicKey) this.keys.getPublic()));
	}

	public String auth() {
		return base64Url(this.authSecret);
	}

	/** RFC 8291 section 3.4 and RFC 8188: the plaintext of a single-record body. */
	public byte[] decrypt(byte[] body) throws GeneralSecurityException {
		ByteBuffer header = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		header.get(salt);
		int recordSize = header.getInt();
		byte[] serverPublic = new byte[header.get() & 0xff];
		header.get(serverPublic);
		byte[] ciphertext = Arrays.copyOfRange(body, header.position(), body.length);
		if (ciphertext.length > recordSize) {
			throw new IllegalStateException("more than one record");
		}
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(this.keys.getPrivate());
		agreement.doPhase(publicKey(serverPublic), true);
		byte[] ecdhSecret = agreement.generateSecret();
		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
				uncompressed((ECPublicKey) this.keys.getPublic()), serverPublic);
		byte[] ikm = hkdf(this.authSecret, ecdhSecret, keyInfo, 32);
		byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		if (end < 0 || padded[end] != 2) {
			throw new IllegalStateException("the last record must end with the delimiter 0x02");
		}
		return Arrays.copyOf(padded, end);
	}

	/** HKDF-SHA256 (RFC 5869) for at most one block of output. */
	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		byte[] prk = hmac(salt, ikm);
		return Arrays.copyOf(hmac(prk, concat(info, new byte[] { 1 })), length);
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	public static byte[] uncompressed(ECPublicKey key) {
		return concat(new byte[] { 4 }, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
	}

	public static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
		if (uncompressed.length != 65 || uncompressed[0] != 4) {
			throw new IllegalArgumentException("not an uncompressed P-256 point");
		}
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256()));
	}

	private static ECParameterSpec p256() throws GeneralSecurityException {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		return parameters.getParameterSpec(ECParameterSpec.class);
	}

	private static byte[] fixed(BigInteger coordinate) {
		byte[] bytes = coordinate.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((part) -> part.length).sum());
		Arrays.stream(parts).forEach(buffer::put);
		return buffer.array();
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

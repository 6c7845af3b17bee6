package com.cotalk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;

/** The default limit, 1 MiB. */
class BodySizeLimitTests extends GatewayTestBase {

	private static final int LIMIT = 1024 * 1024;

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutReadingIt() {
		ApiClient.Response response = RawHttp.send(this.port,
				"POST /api/rooms/r1/messages HTTP/1.1\r\n" + "Authorization: Bearer "
						+ TestKeys.token(UUID.randomUUID()) + "\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + (LIMIT + 1));
		assertTooLarge(response);
	}

	@Test
	void refusesAChunkedBodyOnceItGrowsOverTheLimit() {
		ApiClient.Response response = RawHttp.send(this.port, chunkedHead(), chunks(LIMIT + 64 * 1024));
		assertTooLarge(response);
	}

	@Test
	void forwardsBodiesUpToTheLimit() {
		ApiClient.Response chunked = RawHttp.send(this.port, chunkedHead(), chunks(LIMIT));
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
		assertThat(chunked.json().path("bodyBytes").asLong()).isEqualTo(LIMIT);
		ApiClient.Response declared = api().post("/api/rooms/r1/messages", TestKeys.token(UUID.randomUUID()),
				"x".repeat(LIMIT));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
	}

	private String chunkedHead() {
		return "POST /api/rooms/r1/messages HTTP/1.1\r\nAuthorization: Bearer " + TestKeys.token(UUID.randomUUID())
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked";
	}

	private static byte[][] chunks(int total) {
		List<byte[]> parts = new ArrayList<>();
		int chunk = 64 * 1024;
		byte[] payload = new byte[chunk];
		java.util.Arrays.fill(payload, (byte) 'x');
		for (int sent = 0; sent < total; sent += chunk) {
			int size = Math.min(chunk, total - sent);
			parts.add((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			parts.add((size == chunk) ? payload : java.util.Arrays.copyOf(payload, size));
			parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		parts.add("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return parts.toArray(byte[][]::new);
	}

	private static void assertTooLarge(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
	}

}

package com.cotalk.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.cotalk.testsupport.ApiClient;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send: paths exactly as
 * written ({@code ..}, {@code %2e}), a {@code Content-Length} that is a lie, a chunked
 * body.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the request head (request line and header lines, without the blank line) and
	 * then the body parts.
	 */
	static ApiClient.Response send(int port, String head, byte[]... bodyParts) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			try {
				for (byte[] part : bodyParts) {
					out.write(part);
				}
				out.flush();
			}
			catch (IOException ex) {
				// The gateway may answer and close before it has read everything: that
				// answer is what we want.
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ApiClient.Response get(int port, String rawPath, String token) {
		return send(port, "GET " + rawPath + " HTTP/1.1\r\nAuthorization: Bearer " + token);
	}

	private static ApiClient.Response read(InputStream in) throws IOException {
		String statusLine = line(in);
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.merge(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim(),
					(a, b) -> a + "," + b);
		}
		String length = headers.get("content-length");
		byte[] body = (length != null) ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
		return new ApiClient.Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

}

package com.cotalk.notification.push;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which Web Push endpoints the service sends to. The endpoint comes from a client, so an
 * unchecked one would let anybody make the service send requests into its own network:
 * only {@code https} is accepted, never to an address literal of this host or a private
 * network, and plain {@code http} only on loopback when development allows it.
 */
final class PushEndpoints {

	private PushEndpoints() {
	}

	/** Why the endpoint is refused, or {@code null} when it may be used. */
	static @Nullable String refusal(URI endpoint, boolean allowLoopbackHttp) {
		String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
		String host = endpoint.getHost();
		if (host == null || endpoint.getRawUserInfo() != null) {
			return "endpoint needs a host and no user info";
		}
		boolean loopback = isLoopback(host);
		if (scheme.equals("https")) {
			return (!loopback && isInternalLiteral(host)) || (loopback && !allowLoopbackHttp)
					? "endpoint is an internal address" : null;
		}
		if (scheme.equals("http") && loopback && allowLoopbackHttp) {
			return null;
		}
		return "only https endpoints are accepted";
	}

	static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		InetAddress address = literal(host);
		return address != null && address.isLoopbackAddress();
	}

	private static boolean isInternalLiteral(String host) {
		InetAddress address = literal(host);
		return address != null && (address.isAnyLocalAddress() || address.isSiteLocalAddress()
				|| address.isLinkLocalAddress() || address.isLoopbackAddress());
	}

	/** The address when the host is an IP literal (never a DNS look-up). */
	private static @Nullable InetAddress literal(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		try {
			return InetAddress.ofLiteral(bare);
		}
		catch (IllegalArgumentException notLiteral) {
			return null;
		}
	}

}

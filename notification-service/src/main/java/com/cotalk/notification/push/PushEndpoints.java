package com.cotalk.notification.push;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Which Web Push endpoints the service sends to. The endpoint comes from a client, so an
 * unchecked one would let anybody make the service send requests into its own network
 * (server-side request forgery): only {@code https} is accepted, and never to an address
 * of this host or of an internal network, whether the endpoint names it as a literal or
 * by a host name that resolves to it (checked right before each push); plain {@code http}
 * only on loopback when development allows it.
 */
public final class PushEndpoints {

	private PushEndpoints() {
	}

	/**
	 * Why the endpoint is refused, or {@code null} when it may be used: the scheme, and
	 * the host if it is an address literal (no DNS look-up).
	 */
	public static @Nullable String refusal(URI endpoint, boolean allowLoopbackHttp) {
		String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
		String host = endpoint.getHost();
		if (host == null || endpoint.getRawUserInfo() != null) {
			return "endpoint needs a host and no user info";
		}
		boolean loopback = isLoopback(host);
		if (loopback && allowLoopbackHttp && (scheme.equals("http") || scheme.equals("https"))) {
			return null;
		}
		if (!scheme.equals("https")) {
			return "only https endpoints are accepted";
		}
		if (loopback) {
			return "endpoint is an internal address";
		}
		InetAddress address = literal(host);
		return (address != null && isInternal(address)) ? "endpoint is an internal address" : null;
	}

	/**
	 * As {@link #refusal}, and then every address the host name resolves to must be
	 * public (a name of the attacker's that points at 10.0.0.1 is refused like the
	 * literal).
	 */
	static @Nullable String refusalResolved(URI endpoint, boolean allowLoopbackHttp) {
		return refusalResolved(endpoint, allowLoopbackHttp, InetAddress::getAllByName);
	}

	static @Nullable String refusalResolved(URI endpoint, boolean allowLoopbackHttp, Resolver resolver) {
		String refusal = refusal(endpoint, allowLoopbackHttp);
		if (refusal != null || literal(endpoint.getHost()) != null) {
			return refusal;
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(endpoint.getHost());
		}
		catch (UnknownHostException ex) {
			return "endpoint host does not resolve";
		}
		for (InetAddress address : addresses) {
			boolean allowedLoopback = allowLoopbackHttp && address.isLoopbackAddress();
			if (isInternal(address) && !allowedLoopback) {
				return "endpoint resolves to an internal address";
			}
		}
		return null;
	}

	/** What a host name resolves to (DNS in production). */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		InetAddress address = literal(host);
		return address != null && address.isLoopbackAddress();
	}

	/**
	 * This host, private, shared (carrier-grade NAT), link-local, unique-local, multicast
	 * and reserved ranges: anything that is not a public unicast address.
	 */
	static boolean isInternal(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return true; // fc00::/7 unique local
			}
			if (isEmbeddedIpv4Prefix(b)) {
				return isInternalIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff);
			}
			return false;
		}
		return isInternalIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
	}

	/** ::/96 (IPv4-compatible) and 64:ff9b::/96 (NAT64) carry an IPv4 address. */
	private static boolean isEmbeddedIpv4Prefix(byte[] b) {
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
		boolean compatible = b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0;
		if (!nat64 && !compatible) {
			return false;
		}
		for (int i = 4; i < 12; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isInternalIpv4(int a, int b, int c) {
		return a == 0 || a == 10 || a == 127 || (a == 100 && (b & 0xc0) == 64) || (a == 169 && b == 254)
				|| (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168) || (a == 192 && b == 0 && c == 0)
				|| (a == 198 && (b == 18 || b == 19)) || a >= 224;
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

package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Web Push endpoints must not make the service call into its own network, by literal or
 * by a name that resolves there.
 */
class PushEndpointsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "10.1.2.3", "127.0.0.1", "100.64.0.1", "100.127.255.254", "169.254.169.254",
			"172.16.0.1", "172.31.255.255", "192.168.1.1", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255",
			"::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "::a00:1",
			"ff02::1" })
	void internalAddressesAreRefused(String literal) {
		assertThat(PushEndpoints.isInternal(InetAddress.ofLiteral(literal))).as(literal).isTrue();
		String host = literal.contains(":") ? "[" + literal + "]" : literal;
		assertThat(PushEndpoints.refusal(URI.create("https://" + host + "/push/1"), false)).as(literal).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "100.128.0.1", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888",
			"2606:4700::1111" })
	void publicAddressesArePushedTo(String literal) {
		assertThat(PushEndpoints.isInternal(InetAddress.ofLiteral(literal))).as(literal).isFalse();
	}

	@Test
	void aNameThatResolvesToAnInternalAddressIsRefusedBeforeThePush() {
		Map<String, String> dns = Map.of("push.example.com", "203.0.113.10", "evil.example.com", "10.0.0.5",
				"sneaky.example.com", "fd00::5");
		PushEndpoints.Resolver resolver = (host) -> {
			String address = dns.get(host);
			if (address == null) {
				throw new UnknownHostException(host);
			}
			return new InetAddress[] { InetAddress.ofLiteral(address) };
		};
		assertThat(PushEndpoints.refusal(URI.create("https://evil.example.com/p"), false))
			.as("a name is accepted at registration")
			.isNull();
		assertThat(PushEndpoints.refusalResolved(URI.create("https://push.example.com/p"), false, resolver)).isNull();
		assertThat(PushEndpoints.refusalResolved(URI.create("https://evil.example.com/p"), false, resolver))
			.isEqualTo("endpoint resolves to an internal address");
		assertThat(PushEndpoints.refusalResolved(URI.create("https://sneaky.example.com/p"), false, resolver))
			.isEqualTo("endpoint resolves to an internal address");
		assertThat(PushEndpoints.refusalResolved(URI.create("https://nowhere.example.com/p"), false, resolver))
			.isEqualTo("endpoint host does not resolve");
	}

	@Test
	void loopbackOnlyWhenDevelopmentAllowsIt() {
		assertThat(PushEndpoints.refusal(URI.create("http://127.0.0.1:9000/p"), true)).isNull();
		assertThat(PushEndpoints.refusal(URI.create("http://localhost:9000/p"), true)).isNull();
		assertThat(PushEndpoints.refusal(URI.create("http://127.0.0.1:9000/p"), false)).isNotNull();
		assertThat(PushEndpoints.refusal(URI.create("https://localhost/p"), false)).isNotNull();
		assertThat(PushEndpoints.refusal(URI.create("http://push.example.com/p"), true)).isNotNull();
	}

}

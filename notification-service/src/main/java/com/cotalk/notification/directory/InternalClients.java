package com.cotalk.notification.directory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A client of another service's internal API with short timeouts: a slow service delays
 * notifications (the entry is retried), it never holds a reader for long. The shared
 * builder adds the internal token and the correlation id.
 */
final class InternalClients {

	private InternalClients() {
	}

	static RestClient create(RestClient.Builder builder, URI baseUrl) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		return builder.clone().baseUrl(baseUrl.toString()).requestFactory(factory).build();
	}

}

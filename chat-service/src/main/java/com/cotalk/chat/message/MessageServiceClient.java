package com.cotalk.chat.message;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.cotalk.chat.ChatProperties;
import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * message-service's internal history API. The shared builder adds the internal token and
 * the correlation id.
 */
@Component
class MessageServiceClient {

	/** message-service's limit per last-messages call. */
	static final int MAX_ROOMS = 500;

	private static final Logger log = LoggerFactory.getLogger(MessageServiceClient.class);

	private final RestClient client;

	MessageServiceClient(RestClient.Builder builder, ChatProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		this.client = builder.baseUrl(properties.messageServiceUrl().toString()).requestFactory(factory).build();
	}

	/**
	 * The highest stored seq of the room (0 when none), for re-seeding its counter.
	 * @throws ApiException 503 when message-service cannot tell
	 */
	long maxSeq(UUID roomId) {
		MaxSeq answer;
		try {
			answer = this.client.get().uri("/internal/rooms/{roomId}/max-seq", roomId).retrieve().body(MaxSeq.class);
		}
		catch (RestClientException ex) {
			log.warn("message-service did not tell the max seq of room {}: {}", roomId, ex.getClass().getSimpleName());
			throw unavailable();
		}
		if (answer == null) {
			throw unavailable();
		}
		return answer.maxSeq();
	}

	/**
	 * The newest stored message of each room that has one; empty when message-service
	 * does not answer (the chat list then shows counters only).
	 */
	Map<UUID, LastMessage> lastMessages(List<UUID> roomIds) {
		Map<UUID, LastMessage> found = new java.util.HashMap<>();
		for (int from = 0; from < roomIds.size(); from += MAX_ROOMS) {
			List<UUID> batch = roomIds.subList(from, Math.min(from + MAX_ROOMS, roomIds.size()));
			String ids = batch.stream().map(UUID::toString).collect(Collectors.joining(","));
			try {
				LastMessageList answer = this.client.get()
					.uri((uri) -> uri.path("/internal/rooms/last-messages").queryParam("ids", ids).build())
					.retrieve()
					.body(LastMessageList.class);
				if (answer != null && answer.items() != null) {
					found.putAll(answer.items()
						.stream()
						.collect(Collectors.toMap(LastMessage::roomId, Function.identity(), (a, b) -> a)));
				}
			}
			catch (RestClientException ex) {
				log.warn("message-service did not return last messages of {} rooms: {}", batch.size(),
						ex.getClass().getSimpleName());
			}
		}
		return found;
	}

	private static ApiException unavailable() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
				"Messages are temporarily unavailable; try again shortly.");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MaxSeq(long maxSeq) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LastMessageList(@Nullable List<LastMessage> items) {
	}

}

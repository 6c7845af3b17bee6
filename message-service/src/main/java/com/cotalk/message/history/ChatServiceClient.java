package com.cotalk.message.history;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.cotalk.message.MessageServiceProperties;

/**
 * chat-service's internal membership API. Not cached: read positions move with every
 * message read, the unread counts shown in history should move with them, and
 * chat-service answers from its own membership cache anyway. The shared builder adds the
 * internal token and the correlation id.
 */
@Component
class ChatServiceClient {

	private static final Logger log = LoggerFactory.getLogger(ChatServiceClient.class);

	private final RestClient client;

	ChatServiceClient(RestClient.Builder builder, MessageServiceProperties properties) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(3));
		this.client = builder.baseUrl(properties.chatServiceUrl().toString()).requestFactory(factory).build();
	}

	/**
	 * The room's members and read positions; throws {@link RoomNotFoundException} for an
	 * unknown room.
	 */
	RoomMembers members(UUID roomId) {
		MemberList list;
		try {
			list = this.client.get().uri("/internal/rooms/{roomId}/members", roomId).retrieve().body(MemberList.class);
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				throw new RoomNotFoundException();
			}
			log.error("chat-service refused the members of room {}: {}", roomId, ex.getStatusCode());
			throw new ChatServiceUnavailableException();
		}
		catch (RestClientResponseException ex) {
			log.warn("chat-service failed on the members of room {}: {}", roomId, ex.getStatusCode());
			throw new ChatServiceUnavailableException();
		}
		catch (RestClientException ex) {
			log.warn("chat-service did not answer the members of room {}: {}", roomId, ex.getClass().getSimpleName());
			throw new ChatServiceUnavailableException();
		}
		if (list == null || list.items() == null) {
			log.warn("chat-service answered no member list for room {}", roomId);
			throw new ChatServiceUnavailableException();
		}
		return new RoomMembers(list.items());
	}

	record MemberList(@Nullable List<RoomMembers.Member> items) {
	}

}

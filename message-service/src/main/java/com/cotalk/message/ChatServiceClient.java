package com.cotalk.message;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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

/**
 * chat-service's internal membership API, which history, edits and search all answer to.
 * Not cached: read positions move with every message read, the unread counts shown in
 * history should move with them, a user who left a room must stop finding its messages at
 * once, and chat-service answers from its own membership cache anyway. The shared builder
 * adds the internal token and the correlation id.
 */
@Component
public class ChatServiceClient {

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
	public RoomMembers members(UUID roomId) {
		return new RoomMembers(call("the members of room " + roomId,
				() -> this.client.get()
					.uri("/internal/rooms/{roomId}/members", roomId)
					.retrieve()
					.body(MemberList.class)));
	}

	/** The ids of the rooms the user is a member of now. */
	public List<UUID> roomsOf(UUID userId) {
		return call("the rooms of user " + userId,
				() -> this.client.get().uri("/internal/users/{userId}/rooms", userId).retrieve().body(RoomList.class));
	}

	private <T> List<T> call(String what, Supplier<@Nullable Items<T>> request) {
		Items<T> list;
		try {
			list = request.get();
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				throw new RoomNotFoundException();
			}
			log.error("chat-service refused {}: {}", what, ex.getStatusCode());
			throw new ChatServiceUnavailableException();
		}
		catch (RestClientResponseException ex) {
			log.warn("chat-service failed on {}: {}", what, ex.getStatusCode());
			throw new ChatServiceUnavailableException();
		}
		catch (RestClientException ex) {
			log.warn("chat-service did not answer {}: {}", what, ex.getClass().getSimpleName());
			throw new ChatServiceUnavailableException();
		}
		List<T> items = (list != null) ? list.items() : null;
		if (items == null) {
			log.warn("chat-service answered no list for {}", what);
			throw new ChatServiceUnavailableException();
		}
		return items;
	}

	private interface Items<T> {

		@Nullable List<T> items();

	}

	record MemberList(@Nullable List<RoomMembers.Member> items) implements Items<RoomMembers.Member> {
	}

	record RoomList(@Nullable List<UUID> items) implements Items<UUID> {
	}

}

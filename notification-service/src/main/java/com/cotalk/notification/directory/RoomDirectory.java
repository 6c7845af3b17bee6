package com.cotalk.notification.directory;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.cotalk.notification.NotificationProperties;
import com.cotalk.notification.stream.RetryLaterException;

/**
 * chat-service's internal membership API. Not cached: read positions move with every
 * message read, and chat-service answers from its own membership cache.
 */
@Component
public class RoomDirectory {

	private final RestClient client;

	RoomDirectory(RestClient.Builder builder, NotificationProperties properties) {
		this.client = InternalClients.create(builder, properties.chatServiceUrl());
	}

	/**
	 * The room's members now, with their read positions and mutes; none for a room that
	 * does not exist. Throws {@link RetryLaterException} when chat-service does not
	 * answer.
	 */
	public RoomMembers members(UUID roomId) {
		RoomMembers answer;
		try {
			answer = this.client.get()
				.uri("/internal/rooms/{roomId}/members", roomId)
				.retrieve()
				.body(RoomMembers.class);
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
				return RoomMembers.NONE;
			}
			throw new RetryLaterException("chat-service answered " + ex.getStatusCode().value() + " for room members");
		}
		catch (RestClientException ex) {
			throw new RetryLaterException("chat-service did not answer for room members");
		}
		if (answer == null || answer.items() == null) {
			throw new RetryLaterException("chat-service answered no member list");
		}
		return answer;
	}

}

package com.cotalk.common.events;

/** Names of the Redis Streams and channels that carry events between services. */
public final class EventStreams {

	/**
	 * {@link FriendEvent}s, written by friend-service, read by notification-service
	 * (consumer group).
	 */
	public static final String FRIENDS = "events:friends";

	/**
	 * {@link RoomEvent}s, written by chat-service, read by notification-service (consumer
	 * group).
	 */
	public static final String ROOMS = "events:rooms";

	/**
	 * Pub/sub channel: the id of a user whose profile changed, published by user-service.
	 */
	public static final String PROFILE_CHANGED_CHANNEL = "cotalk:users:profile-changed";

	/** The field of a stream entry that holds the event as JSON. */
	public static final String PAYLOAD_FIELD = "event";

	private EventStreams() {
	}

}

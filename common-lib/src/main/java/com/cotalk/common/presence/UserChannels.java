package com.cotalk.common.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Events for particular users (presence, notifications), wherever they are connected.
 * Every chat-service instance subscribes its own channel ({@link #channel}); the members
 * of a user's {@link PresenceKeys presence} set ({@code <instanceId>:<sessionId>}) tell
 * which instances hold live sessions of theirs. A publisher sends each of those instances
 * one payload: {@code <d> <id>,<id>,...\n<event JSON>}, where {@code d} is {@code 1} for
 * an event a session that falls behind may miss, and the instance delivers the event to
 * the listed users' sessions.
 */
public final class UserChannels {

	private UserChannels() {
	}

	/** The channel of chat-service instance {@code instanceId}. */
	public static String channel(String instanceId) {
		return "chat:instance:{" + instanceId + "}";
	}

	/**
	 * The instances holding live sessions of the users, each with its users there: one
	 * pipelined read per user.
	 */
	public static Map<String, List<UUID>> instancesOf(StringRedisTemplate redis, Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		List<UUID> ids = List.copyOf(userIds);
		double now = System.currentTimeMillis();
		List<Object> found = redis.executePipelined((RedisCallback<Object>) (connection) -> {
			ids.forEach((id) -> connection.zSetCommands()
				.zRangeByScore(PresenceKeys.key(id).getBytes(StandardCharsets.UTF_8), now, Double.POSITIVE_INFINITY));
			return null;
		});
		Map<String, List<UUID>> byInstance = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			if (found.get(i) instanceof Set<?> members) {
				UUID userId = ids.get(i);
				members.stream()
					.map(String::valueOf)
					.filter((member) -> member.indexOf(':') > 0)
					.map((member) -> member.substring(0, member.indexOf(':')))
					.distinct()
					.forEach((id) -> byInstance.computeIfAbsent(id, (key) -> new ArrayList<>()).add(userId));
			}
		}
		return byInstance;
	}

	public static byte[] encode(Collection<UUID> users, byte[] event, boolean droppable) {
		byte[] header = ((droppable ? "1 " : "0 ") + String.join(",", users.stream().map(UUID::toString).toList())
				+ "\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] payload = new byte[header.length + event.length];
		System.arraycopy(header, 0, payload, 0, header.length);
		System.arraycopy(event, 0, payload, header.length, event.length);
		return payload;
	}

	/** The payload taken apart, or null when it is not one. */
	public static @Nullable Delivery decode(byte[] payload) {
		int newline = -1;
		for (int i = 2; i < payload.length; i++) {
			if (payload[i] == '\n') {
				newline = i;
				break;
			}
		}
		if (payload.length < 3 || payload[1] != ' ' || newline < 0) {
			return null;
		}
		List<UUID> users = new ArrayList<>();
		try {
			for (String id : new String(payload, 2, newline - 2, StandardCharsets.US_ASCII).split(",")) {
				users.add(UUID.fromString(id));
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		byte[] event = new byte[payload.length - newline - 1];
		System.arraycopy(payload, newline + 1, event, 0, event.length);
		return new Delivery(users, event, payload[0] == '1');
	}

	/** An event for some users connected to one instance. */
	public record Delivery(List<UUID> users, byte[] event, boolean droppable) {
	}

}

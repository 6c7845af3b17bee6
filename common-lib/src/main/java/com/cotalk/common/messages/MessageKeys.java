package com.cotalk.common.messages;

import java.util.UUID;

/**
 * Redis keys of the message path. A room belongs to one of {@code partitions} stream
 * partitions; every key of that partition carries the hash tag {@code {p}}, so that the
 * one atomic script touching a room's sequence counter, its dedupe key, the partition's
 * stream and the room's channel runs on one Redis Cluster slot (sharded pub/sub there).
 * The partition count is cluster-wide configuration ({@code cotalk.messages.partitions});
 * changing it moves rooms to other keys, whose counters are then re-seeded from
 * PostgreSQL before use.
 */
public final class MessageKeys {

	public static final int DEFAULT_PARTITIONS = 16;

	/** The consumer group message-service reads every partition stream with. */
	public static final String PERSISTENCE_GROUP = "message-service";

	/**
	 * The stream entry field holding the {@link MessageEvent} as JSON, serialised once by
	 * chat-service.
	 */
	public static final String EVENT_FIELD = "event";

	private MessageKeys() {
	}

	public static int partition(UUID roomId, int partitions) {
		return Math.floorMod(roomId.hashCode(), partitions);
	}

	/** The partition's stream of accepted messages. */
	public static String stream(int partition) {
		return "msg:{" + partition + "}:stream";
	}

	/**
	 * Entries that kept failing to be stored, with the reason; inspected by operators.
	 */
	public static String deadLetterStream(int partition) {
		return "msg:{" + partition + "}:dead";
	}

	/** The room's last handed-out sequence number. */
	public static String sequence(int partition, UUID roomId) {
		return "msg:{" + partition + "}:seq:" + roomId;
	}

	/**
	 * Remembers the seq given to a sender's {@code clientMsgId}, so that a resend gets
	 * the original back. Per sender: another member's message with the same id (ids may
	 * be predictable) is a message of its own, never a resend of someone else's.
	 */
	public static String dedupe(int partition, UUID roomId, UUID senderId, String clientMsgId) {
		return "msg:{" + partition + "}:dedupe:" + roomId + ":" + senderId + ":" + clientMsgId;
	}

	/**
	 * The room's recent read positions (member id to seq), shared by every chat-service
	 * instance; PostgreSQL keeps them for good, written behind.
	 */
	public static String readPositions(int partition, UUID roomId) {
		return "msg:{" + partition + "}:read:" + roomId;
	}

	/** The room's pub/sub channel (sharded pub/sub on Redis Cluster). */
	public static String roomChannel(int partition, UUID roomId) {
		return "msg:{" + partition + "}:room:" + roomId;
	}

}

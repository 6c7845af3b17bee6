package com.cotalk.chat.read;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.cotalk.chat.ChatProperties;
import com.cotalk.chat.MessagePathProperties;
import com.cotalk.chat.writebehind.WriteBehind;
import com.cotalk.common.messages.MessageKeys;

/**
 * Read positions. A move is recorded at once in the room's Redis hash, which every
 * chat-service instance reads, and coalesced into PostgreSQL behind it: a member reading
 * message after message costs one row update per flush, not one per message. A position
 * is the highest of the stored one, the shared one and one not yet written from here (see
 * {@link WriteBehind}). The send script moves a sender's shared position itself.
 */
@Service
public class ReadStateService {

	/**
	 * KEYS: 1 the room's read positions. ARGV: 1 member, 2 seq, 3 TTL (seconds). Returns
	 * 1 when the position moved forward.
	 */
	private static final DefaultRedisScript<Long> ADVANCE = new DefaultRedisScript<>("""
			local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
			if tonumber(ARGV[2]) <= current then
			  return 0
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('EXPIRE', KEYS[1], ARGV[3])
			return 1
			""", Long.class);

	private final WriteBehind<Key, Long> writes;

	private final ApplicationEventPublisher events;

	private final StringRedisTemplate redis;

	private final int partitions;

	private final String ttlSeconds;

	ReadStateService(ReadStateRepository repository, ApplicationEventPublisher events, StringRedisTemplate redis,
			MessagePathProperties path, ChatProperties properties) {
		this.writes = new WriteBehind<>("read positions", Math::max, repository::advance);
		this.events = events;
		this.redis = redis;
		this.partitions = path.partitions();
		this.ttlSeconds = Long.toString(properties.readPositionTtl().toSeconds());
	}

	/**
	 * Moves the member's read position to {@code seq} unless it is already there or
	 * beyond, and announces a move.
	 */
	public void markRead(UUID roomId, UUID userId, long seq) {
		Long moved = this.redis.execute(ADVANCE, List.of(key(roomId)), userId.toString(), Long.toString(seq),
				this.ttlSeconds);
		this.writes.offer(new Key(roomId, userId), seq);
		if (moved != null && moved == 1) {
			this.events.publishEvent(new ReadPositionMoved(roomId, userId, seq));
		}
	}

	/**
	 * The sender of message {@code seq} has read up to it; the send script has moved the
	 * shared position already. Stored like any read, but not announced: the
	 * {@code message} event tells every member as much, and a {@code read} event per
	 * message would double the room's fan-out.
	 */
	public void markReadBySending(UUID roomId, UUID userId, long seq) {
		this.writes.offer(new Key(roomId, userId), seq);
	}

	/** The positions of the room's members, read in one call. */
	public Positions inRoom(UUID roomId) {
		Map<Object, Object> entries = this.redis.opsForHash().entries(key(roomId));
		Map<Key, Long> shared = new HashMap<>();
		entries.forEach((member, seq) -> shared.put(new Key(roomId, UUID.fromString((String) member)),
				Long.parseLong((String) seq)));
		return new Positions(shared);
	}

	/**
	 * The member's positions in the rooms, read in one pipeline of single-key reads
	 * (Cluster-safe).
	 */
	public Positions ofMember(UUID userId, List<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return new Positions(Map.of());
		}
		byte[] field = userId.toString().getBytes(StandardCharsets.UTF_8);
		List<Object> values = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			roomIds.forEach(
					(roomId) -> connection.hashCommands().hGet(key(roomId).getBytes(StandardCharsets.UTF_8), field));
			return null;
		});
		Map<Key, Long> shared = new HashMap<>();
		for (int i = 0; i < roomIds.size(); i++) {
			if (values.get(i) instanceof String seq) {
				shared.put(new Key(roomIds.get(i), userId), Long.parseLong(seq));
			}
		}
		return new Positions(shared);
	}

	private String key(UUID roomId) {
		return MessageKeys.readPositions(MessageKeys.partition(roomId, this.partitions), roomId);
	}

	@Scheduled(fixedDelayString = "${cotalk.chat.flush-interval:200ms}")
	@PreDestroy
	public void flush() {
		this.writes.flush();
	}

	/** Read positions as Redis holds them, to be combined with the stored ones. */
	public final class Positions {

		private final Map<Key, Long> shared;

		private Positions(Map<Key, Long> shared) {
			this.shared = shared;
		}

		/** The member's read position: the furthest of stored, shared and unwritten. */
		public long lastReadSeq(UUID roomId, UUID userId, long stored) {
			Key key = new Key(roomId, userId);
			Long unwritten = ReadStateService.this.writes.unwritten(key);
			long local = Math.max(stored, (unwritten != null) ? unwritten : 0L);
			return Math.max(local, this.shared.getOrDefault(key, 0L));
		}

	}

	record Key(UUID roomId, UUID userId) {
	}

}

package com.cotalk.message.stream;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where a stream may be trimmed without losing anything: below the oldest entry that some
 * group has not acknowledged yet. For each group that is its oldest pending entry or,
 * when it has none, the entry after the last one delivered to it (everything later has
 * not even been read). The stream is trimmed below the smallest of these over all groups,
 * so an entry disappears only once every group is done with it.
 */
final class TrimPoint {

	private TrimPoint() {
	}

	/**
	 * The id below which every entry may go, if any may, where groups other than
	 * {@code ownGroup} hold nothing older than {@code floor}: a consumer that has been
	 * gone for longer than the retention (notification-service, say) does not make the
	 * stream grow without bound. {@code ownGroup}, which stores the messages, is never
	 * overtaken.
	 */
	static Optional<String> minId(Collection<GroupPosition> groups, String ownGroup, StreamId floor) {
		return groups.stream().map((group) -> {
			StreamId needed = StreamId.parse(group.firstNeeded());
			return (!group.name().equals(ownGroup) && needed.compareTo(floor) < 0) ? floor : needed;
		})
			.min(Comparator.naturalOrder())
			.filter((id) -> id.compareTo(StreamId.parse("0-1")) > 0)
			.map(StreamId::toString);
	}

	/**
	 * @param name the group
	 * @param pending how many entries it has read but not acknowledged
	 * @param lastDeliveredId the newest entry delivered to it
	 * @param oldestPendingId its oldest unacknowledged entry, when {@code pending > 0}
	 * @param lag entries not yet delivered to it, when Redis (7+) says; -1 otherwise
	 */
	record GroupPosition(String name, long pending, String lastDeliveredId, @Nullable String oldestPendingId,
			long lag) {

		String firstNeeded() {
			return (this.pending > 0 && this.oldestPendingId != null) ? this.oldestPendingId
					: StreamId.parse(this.lastDeliveredId).next().toString();
		}

	}

	/**
	 * A stream entry id, {@code <milliseconds>-<sequence>}, ordered as Redis orders them.
	 */
	record StreamId(long millis, long sequence) implements Comparable<StreamId> {

		static StreamId parse(String id) {
			int dash = id.indexOf('-');
			if (dash < 0) {
				return new StreamId(Long.parseUnsignedLong(id), 0);
			}
			return new StreamId(Long.parseUnsignedLong(id.substring(0, dash)),
					Long.parseUnsignedLong(id.substring(dash + 1)));
		}

		StreamId next() {
			return (this.sequence == -1L) ? new StreamId(this.millis + 1, 0)
					: new StreamId(this.millis, this.sequence + 1);
		}

		@Override
		public int compareTo(StreamId other) {
			int byMillis = Long.compareUnsigned(this.millis, other.millis);
			return (byMillis != 0) ? byMillis : Long.compareUnsigned(this.sequence, other.sequence);
		}

		@Override
		public String toString() {
			return Long.toUnsignedString(this.millis) + "-" + Long.toUnsignedString(this.sequence);
		}

	}

}

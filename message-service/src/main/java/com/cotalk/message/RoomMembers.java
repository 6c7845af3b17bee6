package com.cotalk.message;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A room's members with their read positions, as chat-service keeps them. A message's
 * unread count is KakaoTalk's number: how many members have not read up to it yet,
 * derived from the watermarks rather than kept as a counter.
 */
public final class RoomMembers {

	private final List<Member> members;

	private final long[] sortedReadSeqs;

	public RoomMembers(List<Member> members) {
		this.members = List.copyOf(members);
		this.sortedReadSeqs = members.stream().mapToLong(Member::lastReadSeq).sorted().toArray();
	}

	public boolean includes(UUID userId) {
		return this.members.stream().anyMatch((member) -> member.userId().equals(userId));
	}

	/** Members whose {@code lastReadSeq} is below {@code seq}. */
	public int unreadCount(long seq) {
		int low = 0;
		int high = this.sortedReadSeqs.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.sortedReadSeqs[mid] < seq) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	@Override
	public String toString() {
		return "RoomMembers" + Arrays.toString(this.sortedReadSeqs);
	}

	public record Member(UUID userId, long lastReadSeq) {
	}

}

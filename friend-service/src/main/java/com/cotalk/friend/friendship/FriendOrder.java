package com.cotalk.friend.friendship;

import java.util.Comparator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * The order of a friend list as Korean users expect it: display names by the Korean
 * collation (CLDR's {@code ko} tailoring reorders Hangul, then Han, before Latin: ㄱ, ㄴ, ㄷ
 * ... then A, b, C, case-insensitively), placeholders of unloaded profiles last, ties by
 * user id.
 */
final class FriendOrder {

	/** Frozen, so one instance may be used by every request thread at once. */
	private static final Collator KOREAN = Collator.getInstance(ULocale.KOREAN).freeze();

	static final Comparator<FriendResponse> BY_NAME = Comparator
		.comparing((FriendResponse friend) -> friend.displayName().isEmpty())
		.thenComparing(FriendResponse::displayName, KOREAN)
		.thenComparing((friend) -> friend.userId().toString());

	private FriendOrder() {
	}

}

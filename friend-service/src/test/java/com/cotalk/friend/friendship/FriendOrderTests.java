package com.cotalk.friend.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FriendOrderTests {

	@Test
	void putsHangulBeforeLatinAndIgnoresCase() {
		assertThat(sorted("bob", "Alice", "다인", "가영", "나래", "Émile", "eve")).containsExactly("가영", "나래", "다인", "Alice",
				"bob", "Émile", "eve");
	}

	@Test
	void ordersHangulByItsInitialConsonants() {
		assertThat(sorted("하늘", "민준", "가나", "까치", "서연", "지우", "ㄱ")).containsExactly("ㄱ", "가나", "까치", "민준", "서연", "지우",
				"하늘");
	}

	@Test
	void putsPlaceholdersLast() {
		assertThat(sorted("", "zed", "가")).containsExactly("가", "zed", "");
	}

	private static List<String> sorted(String... names) {
		List<FriendResponse> friends = new ArrayList<>();
		for (String name : names) {
			friends.add(new FriendResponse(UUID.randomUUID(), name, "", null, false, Instant.now()));
		}
		Collections.shuffle(friends);
		return friends.stream().sorted(FriendOrder.BY_NAME).map(FriendResponse::displayName).toList();
	}

}

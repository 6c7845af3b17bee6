package com.cotalk.notification.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MentionsTests {

	static final UUID MINJUN = UUID.randomUUID();

	static final UUID AL = UUID.randomUUID();

	static final UUID ALICE = UUID.randomUUID();

	static final UUID KIM = UUID.randomUUID();

	static final UUID KIM_MINJUN = UUID.randomUUID();

	@Test
	void findsKoreanNamesWithParticlesAttached() {
		Map<UUID, String> names = Map.of(MINJUN, "민준");
		assertThat(Mentions.find("@민준", names)).containsExactly(MINJUN);
		assertThat(Mentions.find("@민준아 밥 먹자", names)).containsExactly(MINJUN);
		assertThat(Mentions.find("고마워 @민준님!", names)).containsExactly(MINJUN);
		assertThat(Mentions.find("민준 without the at sign", names)).isEmpty();
		assertThat(Mentions.find("@ 민준", names)).isEmpty();
	}

	@Test
	void aLatinNameEndsAtAWordBoundary() {
		Map<UUID, String> names = Map.of(AL, "Al");
		assertThat(Mentions.find("@Al, hi", names)).containsExactly(AL);
		assertThat(Mentions.find("@al", names)).as("any case").containsExactly(AL);
		assertThat(Mentions.find("@Alice", names)).isEmpty();
		assertThat(Mentions.find("@Al2", names)).isEmpty();
		assertThat(Mentions.find("(@Al)", names)).containsExactly(AL);
		assertThat(Mentions.find("mail@Al.com", names)).as("an e-mail address").isEmpty();
	}

	@Test
	void theLongestNameAtAnAtSignWins() {
		Map<UUID, String> names = Map.of(AL, "Al", ALICE, "Alice", KIM, "Kim", KIM_MINJUN, "Kim Minjun");
		assertThat(Mentions.find("@Alice hello", names)).containsExactly(ALICE);
		assertThat(Mentions.find("@Kim Minjun and @Kim and @Al", names)).containsExactlyInAnyOrder(KIM_MINJUN, KIM, AL);
	}

	@Test
	void membersWithTheSameNameAreAllMentioned() {
		UUID otherMinjun = UUID.randomUUID();
		assertThat(Mentions.find("@민준", Map.of(MINJUN, "민준", otherMinjun, "민준"))).containsExactlyInAnyOrder(MINJUN,
				otherMinjun);
	}

}

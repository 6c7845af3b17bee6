package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.common.messages.MessageEvent;

import tools.jackson.databind.JsonNode;

/**
 * Messages appended to the partition streams as chat-service appends them; members and
 * names come from the fake chat-service and user-service.
 */
class MentionTests extends NotificationTestSupport {

	@Test
	void mentionsNotifyTheNamedMembersButNeverTheSender() {
		TestUser minjun = user("민준");
		TestUser alice = user("Alice Kim");
		TestUser sender = user("Sender");
		TestUser stranger = user("Stranger");
		UUID roomId = room(minjun, alice, sender);

		String stream = send(roomId, sender, 1, "@민준아 and @alice kim, look (not @Stranger, not @Sender)");

		for (TestUser mentioned : List.of(minjun, alice)) {
			JsonNode mention = awaitItem(mentioned, (item) -> item.path("type").asString().equals("MENTION")).get(0);
			assertThat(mention.path("data").path("fromUserId").asString()).isEqualTo(sender.id().toString());
			assertThat(mention.path("data").path("roomId").asString()).isEqualTo(roomId.toString());
			assertThat(mention.path("data").path("seq").asLong()).isEqualTo(1);
		}
		awaitSettled(stream);
		assertThat(items(sender)).isEmpty();
		assertThat(items(stranger)).as("not a member").isEmpty();
	}

	@Test
	void aRedeliveredMessageMentionsOnce() {
		TestUser minjun = user("민준");
		TestUser sender = user("Sender");
		UUID roomId = room(minjun, sender);
		MessageEvent message = textMessage(roomId, sender.id(), 4, "@민준 밥 먹자");

		String stream = messageStream(roomId);
		append(stream, message);
		awaitItem(minjun, (item) -> item.path("type").asString().equals("MENTION"));
		append(stream, message);
		appendAbandoned(stream, message);
		awaitSettled(stream);
		assertThat(items(minjun)).hasSize(1);
	}

	@Test
	void looksUpMembersOnlyForMessagesThatMayMention() {
		TestUser minjun = user("민준");
		TestUser sender = user("Sender");
		UUID roomId = room(minjun, sender);

		String stream = send(roomId, sender, 1, "no mention here, mail me at home @ noon");
		send(roomId, sender, 2, "@민준");
		awaitItem(minjun, (item) -> item.path("type").asString().equals("MENTION"));
		awaitSettled(stream);
		// one for push dispatch (which reuses it for the second message), one for the
		// mention
		assertThat(services.memberLookups(roomId)).isEqualTo(2);
		assertThat(items(minjun)).hasSize(1);
	}

	@Test
	void aMentionWaitsOutAnOutageOfTheOtherServices() {
		TestUser minjun = user("민준");
		TestUser sender = user("Sender");
		UUID roomId = room(minjun, sender);
		services.setDown(true);

		String stream = send(roomId, sender, 9, "@민준 are you there?");
		sleep(1_500);
		assertThat(items(minjun)).isEmpty();
		services.setDown(false);
		awaitItem(minjun, (item) -> item.path("data").path("seq").asLong() == 9);
		awaitSettled(stream);
	}

	private UUID room(TestUser... members) {
		UUID roomId = UUID.randomUUID();
		services.room(roomId, java.util.Arrays.stream(members).map(TestUser::id).toList());
		return roomId;
	}

	private String send(UUID roomId, TestUser sender, long seq, String text) {
		return sendText(roomId, sender.id(), seq, text);
	}

}

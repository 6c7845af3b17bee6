package com.cotalk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.cotalk.notification.inbox.NewNotification;
import com.cotalk.notification.inbox.NotificationService;
import com.cotalk.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

class InboxApiTests extends NotificationTestSupport {

	@Autowired
	NotificationService notifications;

	@Test
	void listsNotificationsNewestFirstWithTheirData() {
		TestUser me = user("Inbox Me");
		UUID friend = UUID.randomUUID();
		UUID requestId = UUID.randomUUID();
		UUID roomId = UUID.randomUUID();
		this.notifications.notify(NewNotification.friendRequest(me.id(), friend, requestId, UUID.randomUUID()));
		this.notifications.notify(NewNotification.mention(me.id(), friend, roomId, 7));

		JsonNode inbox = inbox(me);
		List<JsonNode> items = inbox.path("items").valueStream().toList();
		assertThat(items).extracting((item) -> item.path("type").asString())
			.containsExactly("MENTION", "FRIEND_REQUEST");
		JsonNode mention = items.get(0);
		assertThat(mention.path("notificationId").asString()).isNotBlank();
		assertThat(mention.path("createdAt").asString()).matches(TIMESTAMP);
		assertThat(mention.path("read").asBoolean()).isFalse();
		assertThat(mention.path("data").path("fromUserId").asString()).isEqualTo(friend.toString());
		assertThat(mention.path("data").path("roomId").asString()).isEqualTo(roomId.toString());
		assertThat(mention.path("data").path("seq").isNumber()).isTrue();
		assertThat(mention.path("data").path("seq").asLong()).isEqualTo(7);
		JsonNode request = items.get(1).path("data");
		assertThat(request.path("requestId").asString()).isEqualTo(requestId.toString());
		assertThat(request.has("roomId")).as("only the ids involved").isFalse();
		assertThat(inbox.path("hasMore").asBoolean()).isFalse();
		assertThat(inbox.path("unreadCount").asLong()).isEqualTo(2);
	}

	@Test
	void pagesOlderNotificationsWithBefore() {
		TestUser me = user("Paging Me");
		UUID roomId = UUID.randomUUID();
		for (int seq = 1; seq <= 5; seq++) {
			this.notifications.notify(NewNotification.mention(me.id(), UUID.randomUUID(), roomId, seq));
		}
		List<Long> seen = new ArrayList<>();
		String before = null;
		for (int page = 0; page < 3; page++) {
			ApiClient.Response answer = this.api
				.get("/api/notifications?limit=2" + ((before != null) ? "&before=" + before : ""), me.token());
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			answer.json()
				.path("items")
				.valueStream()
				.forEach((item) -> seen.add(item.path("data").path("seq").asLong()));
			assertThat(answer.json().path("hasMore").asBoolean()).isEqualTo(page < 2);
			before = answer.json().path("nextBefore").asString(null);
		}
		assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
	}

	@Test
	void rejectsALimitOutOfRange() {
		TestUser me = user("Limit Me");
		assertValidationFailed(this.api.get("/api/notifications?limit=0", me.token()), "limit");
		assertValidationFailed(this.api.get("/api/notifications?limit=101", me.token()), "limit");
		assertValidationFailed(this.api.get("/api/notifications?before=nope", me.token()), "before");
	}

	@Test
	void marksANotificationReadIdempotently() {
		TestUser me = user("Reader Me");
		this.notifications.notify(NewNotification.mention(me.id(), UUID.randomUUID(), UUID.randomUUID(), 1));
		String id = items(me).get(0).path("notificationId").asString();

		assertThat(this.api.post("/api/notifications/" + id + "/read", me.token(), null).status()).isEqualTo(204);
		assertThat(this.api.post("/api/notifications/" + id + "/read", me.token(), null).status()).isEqualTo(204);
		assertThat(items(me).get(0).path("read").asBoolean()).isTrue();
		assertThat(inbox(me).path("unreadCount").asLong()).isZero();
	}

	@Test
	void nobodyReadsOrMarksAnotherUsersNotifications() {
		TestUser me = user("Owner");
		TestUser other = user("Snoop");
		this.notifications.notify(NewNotification.mention(me.id(), other.id(), UUID.randomUUID(), 1));
		String id = items(me).get(0).path("notificationId").asString();

		assertThat(items(other)).isEmpty();
		assertProblem(this.api.post("/api/notifications/" + id + "/read", other.token(), null), 404,
				"NOTIFICATION_NOT_FOUND");
		assertThat(items(me).get(0).path("read").asBoolean()).as("still unread").isFalse();
		assertProblem(this.api.post("/api/notifications/" + UUID.randomUUID() + "/read", me.token(), null), 404,
				"NOTIFICATION_NOT_FOUND");
		assertProblem(this.api.post("/api/notifications/not-an-id/read", me.token(), null), 404,
				"NOTIFICATION_NOT_FOUND");
	}

	@Test
	void refusesCallsWithoutAToken() {
		assertProblem(this.api.get("/api/notifications", null), 401, "UNAUTHORIZED");
		assertProblem(this.api.post("/api/notifications/" + UUID.randomUUID() + "/read", null, null), 401,
				"UNAUTHORIZED");
		assertProblem(this.api.put("/api/notifications/devices/phone", null, null), 401, "UNAUTHORIZED");
	}

	@Test
	void storesANotificationOnceWhateverTimesItComes() {
		TestUser me = user("Once Me");
		NewNotification mention = NewNotification.mention(me.id(), UUID.randomUUID(), UUID.randomUUID(), 3);
		assertThat(this.notifications.notify(mention)).isTrue();
		assertThat(this.notifications.notify(mention)).isFalse();
		assertThat(items(me)).hasSize(1);
	}

}

package com.cotalk.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.interaso.webpush.VapidKeys;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class PushProvidersTests {

	private final WebPushProvider webPush = new WebPushProvider(VapidKeys.generate(), "mailto:ops@cotalk.test",
			PushHttp.client(Duration.ofSeconds(1), HttpClient.Version.HTTP_2), false, Duration.ofHours(1),
			Duration.ofSeconds(1));

	@Test
	void reportsAPlatformWithoutAConfiguredProviderAsFailed() {
		PushProviders providers = new PushProviders(List.of(this.webPush));

		assertThat(providers.supports(PushPlatform.WEBPUSH)).isTrue();
		assertThat(providers.supports(PushPlatform.APNS)).isFalse();
		assertThat(providers.send(PushTarget.apns("iphone-1", UUID.randomUUID(), "abcdef0123456789"),
				new PushMessage(UUID.randomUUID(), 1, "Minji", "hello")))
			.isEqualTo(new PushOutcome.Failed("no APNS provider is configured"));
	}

	@Test
	void sendsThroughTheProviderOfTheDevicesPlatform() {
		PushProviders providers = new PushProviders(List.of(this.webPush));

		assertThat(providers.send(
				PushTarget.webPush("browser-1", UUID.randomUUID(), "http://push.example.com/1", "AAAA", "AAAA"),
				new PushMessage(UUID.randomUUID(), 1, "Minji", "hello")))
			.isEqualTo(new PushOutcome.Failed("only https endpoints are accepted"));
	}

	@Test
	void servesTheVapidPublicKey() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new WebPushKeyController(this.webPush)).build();

		mvc.perform(get("/api/notifications/webpush/public-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.publicKey").value(this.webPush.publicKey()));
	}

}

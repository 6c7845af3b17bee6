package com.cotalk.friend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ApiClient;
import com.cotalk.testsupport.TestTokens;

class FriendServiceApplicationTests extends FriendApiTestSupport {

	@Test
	void reportsHealthyAndRefusesCallsWithoutAToken() {
		assertThat(this.api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		ApiClient.Response anonymous = this.api.get("/api/anything", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.text("code")).isEqualTo("UNAUTHORIZED");
		assertThat(this.api.get("/api/anything", TestTokens.accessToken(UUID.randomUUID())).text("code"))
			.isEqualTo("NOT_FOUND");
	}

}

package com.cotalk.notification.push;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser needs to subscribe: the VAPID public key as its applicationServerKey.
 */
@RestController
class WebPushKeyController {

	private final WebPushProvider webPush;

	WebPushKeyController(WebPushProvider webPush) {
		this.webPush = webPush;
	}

	@GetMapping("/api/notifications/webpush/public-key")
	WebPushKeyResponse publicKey() {
		return new WebPushKeyResponse(this.webPush.publicKey());
	}

	record WebPushKeyResponse(String publicKey) {
	}

}

package com.cotalk.notification.push;

/** One push service. Implementations never throw for a failed push: they report it. */
interface PushProvider {

	PushPlatform platform();

	PushOutcome send(PushTarget target, PushMessage message);

}

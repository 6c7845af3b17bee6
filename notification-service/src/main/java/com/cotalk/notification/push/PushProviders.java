package com.cotalk.notification.push;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a push through the provider of the device's platform. A platform without a
 * configured provider reports {@link PushOutcome.Failed}. The caller removes devices that
 * come back {@link PushOutcome.Gone} and may try {@link PushOutcome.Retry} again later.
 */
public class PushProviders {

	private static final Logger logger = LoggerFactory.getLogger(PushProviders.class);

	private final Map<PushPlatform, PushProvider> providers = new EnumMap<>(PushPlatform.class);

	PushProviders(List<PushProvider> providers) {
		providers.forEach((provider) -> this.providers.put(provider.platform(), provider));
	}

	public boolean supports(PushPlatform platform) {
		return this.providers.containsKey(platform);
	}

	public PushOutcome send(PushTarget target, PushMessage message) {
		PushProvider provider = this.providers.get(target.platform());
		PushOutcome outcome = (provider != null) ? provider.send(target, message)
				: new PushOutcome.Failed("no " + target.platform() + " provider is configured");
		log(target, outcome);
		return outcome;
	}

	private static void log(PushTarget target, PushOutcome outcome) {
		switch (outcome) {
			case PushOutcome.Delivered delivered -> {
			}
			case PushOutcome.Gone(String reason) -> logger.atInfo()
				.addKeyValue("platform", target.platform())
				.addKeyValue("deviceId", target.deviceId())
				.addKeyValue("userId", target.userId())
				.log("Push service reports the device gone: {}", reason);
			case PushOutcome.Retry(String reason, var after) -> logger.atDebug()
				.addKeyValue("platform", target.platform())
				.addKeyValue("deviceId", target.deviceId())
				.log("Push to be retried: {}", reason);
			case PushOutcome.Failed(String reason) -> logger.atWarn()
				.addKeyValue("platform", target.platform())
				.addKeyValue("deviceId", target.deviceId())
				.addKeyValue("userId", target.userId())
				.log("Push failed: {}", reason);
		}
	}

}

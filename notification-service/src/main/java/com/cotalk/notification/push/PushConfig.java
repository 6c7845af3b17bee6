package com.cotalk.notification.push;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.interaso.webpush.VapidKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfig {

	private static final Logger logger = LoggerFactory.getLogger(PushConfig.class);

	@Bean
	WebPushProvider webPushProvider(PushProperties properties) {
		PushProperties.WebPush vapid = properties.webpush();
		VapidKeys keys;
		if (vapid.configured()) {
			keys = VapidKeys.fromUncompressedBytes(Objects.requireNonNull(vapid.publicKey()),
					Objects.requireNonNull(vapid.privateKey()));
		}
		else {
			keys = VapidKeys.generate();
			logger.warn("No VAPID keys configured (cotalk.notification.webpush.public-key/private-key): "
					+ "generated a pair for this run, so browsers must subscribe again after every restart");
		}
		return new WebPushProvider(keys, vapid.subject(), client(properties), properties.allowLoopbackHttp(),
				properties.push().ttl(), properties.push().timeout());
	}

	@Bean
	PushProviders pushProviders(PushProperties properties, WebPushProvider webPush) {
		List<PushProvider> providers = new ArrayList<>(List.of(webPush));
		PushProperties.Fcm fcm = properties.fcm();
		if (fcm.configured()) {
			providers.add(FcmProvider.fromServiceAccount(Path.of(Objects.requireNonNull(fcm.serviceAccountFile())),
					fcm.baseUrl(), client(properties), properties.push().ttl(), properties.push().timeout()));
		}
		else {
			logger.info("FCM push is off: cotalk.notification.fcm.service-account-file is not set");
		}
		PushProperties.Apns apns = properties.apns();
		if (apns.configured()) {
			ApnsProviderToken token = new ApnsProviderToken(Objects.requireNonNull(apns.teamId()),
					Objects.requireNonNull(apns.keyId()),
					PemKeys.readPkcs8(Path.of(Objects.requireNonNull(apns.privateKeyFile())), "EC"), Clock.systemUTC());
			providers.add(new ApnsProvider(token, Objects.requireNonNull(apns.topic()), apns.baseUrl(),
					client(properties), properties.push().ttl(), properties.push().timeout(), Clock.systemUTC()));
		}
		else {
			logger.info("APNs push is off: cotalk.notification.apns.team-id, key-id, private-key-file and topic "
					+ "are not all set");
		}
		return new PushProviders(providers);
	}

	/** HTTP/2 where the service offers it (APNs requires it), HTTP/1.1 otherwise. */
	private static HttpClient client(PushProperties properties) {
		return PushHttp.client(properties.push().timeout(), HttpClient.Version.HTTP_2);
	}

}

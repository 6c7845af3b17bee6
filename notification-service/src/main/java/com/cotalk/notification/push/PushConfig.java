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
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfig {

	private static final Logger logger = LoggerFactory.getLogger(PushConfig.class);

	/** Where generated development keys are shared by every instance of one Redis. */
	static final String GENERATED_VAPID_KEYS = "push:vapid:generated";

	@Bean
	WebPushProvider webPushProvider(PushProperties properties, StringRedisTemplate redis) {
		PushProperties.WebPush vapid = properties.webpush();
		VapidKeys keys;
		if (vapid.configured()) {
			keys = VapidKeys.fromUncompressedBytes(Objects.requireNonNull(vapid.publicKey()),
					Objects.requireNonNull(vapid.privateKey()));
		}
		else {
			keys = generatedKeys(redis);
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

	/**
	 * Development without configured keys: one generated pair, kept in Redis so that
	 * every instance signs with it and subscriptions outlive restarts (while Redis keeps
	 * it).
	 */
	private static VapidKeys generatedKeys(StringRedisTemplate redis) {
		VapidKeys fresh = VapidKeys.generate();
		String stored;
		try {
			redis.opsForValue()
				.setIfAbsent(GENERATED_VAPID_KEYS, fresh.getX509PublicKey() + "\n" + fresh.getPkcs8PrivateKey());
			stored = redis.opsForValue().get(GENERATED_VAPID_KEYS);
		}
		catch (DataAccessException ex) {
			stored = null;
		}
		if (stored == null || stored.indexOf('\n') < 0) {
			logger.warn("No VAPID keys configured (cotalk.notification.webpush.public-key/private-key) and none "
					+ "shared in Redis: generated a pair for this instance and run only");
			return fresh;
		}
		logger.warn(
				"No VAPID keys configured (cotalk.notification.webpush.public-key/private-key): using the pair "
						+ "generated for development in Redis ({}); configure keys in production",
				GENERATED_VAPID_KEYS);
		return VapidKeys.create(stored.substring(0, stored.indexOf('\n')), stored.substring(stored.indexOf('\n') + 1));
	}

	/** HTTP/2 where the service offers it (APNs requires it), HTTP/1.1 otherwise. */
	private static HttpClient client(PushProperties properties) {
		return PushHttp.client(properties.push().timeout(), HttpClient.Version.HTTP_2);
	}

}

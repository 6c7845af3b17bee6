package com.cotalk.chat.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an instance hands its clients over to the others when it shuts down (SIGTERM).
 *
 * @param delay how long the instance keeps serving after its readiness goes down, so that
 * the gateway's health check (every 2 s) stops sending it new connections
 * @param spread over how long the sessions are closed, in batches, so that the other
 * instances do not take every reconnect at once
 * @param flush how long each batch may take to write the {@code reconnect} event (and
 * what was queued before it) before its sockets are closed
 * @param presenceGrace how long closed sessions stay in presence after the last close, so
 * that users who reconnected elsewhere meanwhile never appear offline
 */
@ConfigurationProperties("cotalk.chat.drain")
record DrainProperties(@DefaultValue("3s") Duration delay, @DefaultValue("5s") Duration spread,
		@DefaultValue("1s") Duration flush, @DefaultValue("5s") Duration presenceGrace) {
}

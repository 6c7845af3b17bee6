package com.cotalk.chat.delivery;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hands this instance's clients over to the other instances when it shuts down (SIGTERM
 * in a rolling update), before the web server stops: readiness goes down (the gateway's
 * health check stops routing new connections here), then after {@code delay} each session
 * gets a {@code reconnect} event and is closed with 1012 (Service Restart), in batches
 * over {@code spread}. Clients reconnect through the gateway and catch up with
 * {@code after={lastSeq}}; every message they were sent a receipt for is in the stream
 * already. Closed sessions leave presence only after {@code presence-grace}, by when
 * their users are connected elsewhere.
 */
@Component
class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

	static final CloseStatus RESTARTING = CloseStatus.SERVICE_RESTARTED.withReason("RECONNECT");

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private static final int BATCHES = 10;

	private final ApplicationContext context;

	private final SessionRegistry registry;

	private final PresenceAnnouncer presence;

	private final DrainProperties properties;

	private final byte[] reconnect;

	ShutdownDrain(ApplicationContext context, SessionRegistry registry, PresenceAnnouncer presence,
			DrainProperties properties, JsonMapper json) {
		this.context = context;
		this.registry = registry;
		this.presence = presence;
		this.properties = properties;
		this.reconnect = json.writeValueAsBytes(ReconnectEvent.SHUTTING_DOWN);
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		if (this.registry.sessionCount() == 0) {
			return;
		}
		long started = System.nanoTime();
		int count = this.registry.sessionCount();
		this.presence.deferDisconnects();
		try {
			log.info("Shutting down: {} STOMP sessions to hand over in {}", count, this.properties.delay());
			sleep(this.properties.delay());
			List<LiveSession> sessions = this.registry.liveSessions();
			int batch = Math.max(1, (sessions.size() + BATCHES - 1) / BATCHES);
			Duration pause = this.properties.spread().dividedBy(BATCHES);
			for (int from = 0; from < sessions.size(); from += batch) {
				close(sessions.subList(from, Math.min(sessions.size(), from + batch)));
				sleep(pause);
			}
			// connections the gateway sent here before it noticed
			close(this.registry.liveSessions());
			sleep(this.properties.presenceGrace());
		}
		finally {
			this.presence.settleDeferred();
		}
		log.info("Handed over {} STOMP sessions in {} ms", count,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void close(List<LiveSession> sessions) {
		sessions.forEach((session) -> session.sendEvent(this.reconnect, false));
		long deadline = System.nanoTime() + this.properties.flush().toNanos();
		while (sessions.stream().anyMatch((session) -> session.queued() > 0) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(20));
		}
		sessions.forEach((session) -> this.registry.close(session, RESTARTING));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

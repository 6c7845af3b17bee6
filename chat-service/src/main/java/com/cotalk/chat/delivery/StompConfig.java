package com.cotalk.chat.delivery;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

import com.cotalk.chat.ChatProperties;

/**
 * STOMP 1.2 on a plain WebSocket at {@code /ws}. Inbound frames run on the socket's own
 * (virtual) thread, in order, so that errors reach the client (spring-framework#28573,
 * #33937); the broker's frames go out on virtual threads in publish order; events,
 * receipts and the server's own errors go through each session's bounded
 * {@link SessionOutbox}. The simple broker only handles subscriptions to the two user
 * queues, heart-beats and {@code @SendToUser} errors: fan-out between instances is Redis
 * pub/sub per room ({@link FanOut}), never a broker relay (#30347). Spring's broker
 * configuration itself is imported by {@link StompBrokerConfig}.
 */
@Configuration(proxyBeanMethods = false)
class StompConfig implements WebSocketMessageBrokerConfigurer {

	static final int SOCKET_BUFFER_SIZE = 4096;

	private final ChatProperties chat;

	private final DeliveryProperties limits;

	private final StompInterceptor interceptor;

	private final SessionRegistry registry;

	private final TaskScheduler scheduler;

	private final UnauthenticatedSockets unauthenticated;

	StompConfig(ChatProperties chat, DeliveryProperties limits, StompInterceptor interceptor, SessionRegistry registry,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler,
			UnauthenticatedSockets unauthenticated) {
		this.unauthenticated = unauthenticated;
		this.chat = chat;
		this.limits = limits;
		this.interceptor = interceptor;
		this.registry = registry;
		this.scheduler = scheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// no Origin (native apps) and same-origin requests pass; browsers need an allowed
		// one. The origin is checked before a socket is counted against its address
		// (Spring adds its own check, the same, after every other interceptor).
		OriginHandshakeInterceptor origins = new OriginHandshakeInterceptor();
		origins.setAllowedOriginPatterns(this.chat.allowedOrigins());
		registry.addEndpoint("/ws")
			.addInterceptors(origins, this.unauthenticated)
			.setAllowedOriginPatterns(this.chat.allowedOrigins().toArray(String[]::new));
		registry.setErrorHandler(new StompErrors());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.limits.heartbeat().toMillis();
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.enableSimpleBroker("/queue")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(this.scheduler);
		registry.setPreservePublishOrder(true);
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor()).interceptors(this.interceptor);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(new VirtualThreadTaskExecutor("stomp-out-"));
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(messageSizeLimit())
			.setSendTimeLimit((int) this.limits.sendTimeLimit().toMillis())
			.setSendBufferSizeLimit((int) this.limits.sendBufferSizeLimit().toBytes())
			.setTimeToFirstMessage((int) this.limits.timeToFirstMessage().toMillis())
			.addDecoratorFactory((handler) -> new SessionTracking(handler, this.registry));
	}

	/**
	 * Tomcat allocates both message buffers for every socket up front (64 KiB each would
	 * be 190 KiB of heap per connection). Frames are small: a larger one arrives in parts
	 * ({@link SessionTracking#supportsPartialMessages()}) that Spring's STOMP decoder
	 * joins, up to {@code message-size-limit}.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(SOCKET_BUFFER_SIZE);
		container.setMaxBinaryMessageBufferSize(SOCKET_BUFFER_SIZE);
		return container;
	}

	private int messageSizeLimit() {
		return (int) this.limits.messageSizeLimit().toBytes();
	}

}

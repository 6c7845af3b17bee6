package com.cotalk.chat.delivery;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * What {@code @EnableWebSocketMessageBroker} imports, with one change: each session is
 * wrapped in a {@link FlushBeforeCloseSession}, so that an {@code ERROR} frame written
 * while another frame is on its way still reaches the client before the close.
 * {@link StompConfig} configures the rest.
 */
@Configuration(proxyBeanMethods = false)
class StompBrokerConfig extends DelegatingWebSocketMessageBrokerConfiguration {

	@Bean
	@Override
	public WebSocketHandler subProtocolWebSocketHandler(
			@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
			@Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
		return new SubProtocolWebSocketHandler(clientInboundChannel, clientOutboundChannel) {

			@Override
			protected WebSocketSession decorateSession(WebSocketSession session) {
				return new FlushBeforeCloseSession(session, getSendTimeLimit(), getSendBufferSizeLimit(),
						FlushBeforeCloseSession.FLUSH_WAIT);
			}

		};
	}

}

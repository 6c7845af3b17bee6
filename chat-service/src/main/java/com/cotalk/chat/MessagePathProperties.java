package com.cotalk.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.cotalk.common.messages.MessageKeys;

/**
 * The message path shared with message-service.
 *
 * @param partitions how many stream partitions rooms are spread over (cluster-wide, the
 * same in every service)
 */
@ConfigurationProperties("cotalk.messages")
public record MessagePathProperties(@DefaultValue("" + MessageKeys.DEFAULT_PARTITIONS) int partitions) {

	public MessagePathProperties {
		if (partitions < 1) {
			throw new IllegalStateException("cotalk.messages.partitions must be at least 1");
		}
	}

}

package com.cotalk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.cotalk.common.messages.MessageKeys;

/**
 * The message path as notification-service sees it.
 *
 * @param partitions how many stream partitions chat-service appends to (cluster-wide, the
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

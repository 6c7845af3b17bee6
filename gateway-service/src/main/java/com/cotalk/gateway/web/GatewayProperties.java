package com.cotalk.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes the largest request body the gateway forwards; services apply their
 * own, usually smaller, limits
 */
@ConfigurationProperties("cotalk.gateway")
record GatewayProperties(@DefaultValue("1048576") long maxBodyBytes) {

	GatewayProperties {
		if (maxBodyBytes < 1) {
			throw new IllegalStateException("cotalk.gateway.max-body-bytes must be positive");
		}
	}

}

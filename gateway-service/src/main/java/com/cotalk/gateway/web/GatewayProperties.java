package com.cotalk.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes the largest request body the gateway forwards; services apply their
 * own, usually smaller, limits
 * @param trustedProxies the load balancers or Ingress controllers in front (CIDRs) whose
 * {@code X-Forwarded-For} tells the client's address; none by default
 */
@ConfigurationProperties("cotalk.gateway")
record GatewayProperties(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue List<String> trustedProxies) {

	GatewayProperties {
		if (maxBodyBytes < 1) {
			throw new IllegalStateException("cotalk.gateway.max-body-bytes must be positive");
		}
	}

}

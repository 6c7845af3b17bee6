package com.cotalk.localstack;

/** The services of the stack with their default ports. */
public enum Service {

	AUTH("auth-service", 8081), USER("user-service", 8082), FRIEND("friend-service", 8083), CHAT("chat-service", 8084),
	MESSAGE("message-service", 8085), NOTIFICATION("notification-service", 8086), GATEWAY("gateway-service", 8080);

	private final String module;

	private final int defaultPort;

	Service(String module, int defaultPort) {
		this.module = module;
		this.defaultPort = defaultPort;
	}

	public String module() {
		return this.module;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

}

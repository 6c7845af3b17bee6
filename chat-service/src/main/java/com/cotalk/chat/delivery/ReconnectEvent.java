package com.cotalk.chat.delivery;

/**
 * Sent to every session of an instance that is shutting down, just before its socket is
 * closed with 1012 (Service Restart): connect again (the gateway picks another instance)
 * and catch up with {@code after={lastSeq}}.
 */
record ReconnectEvent(String type, String reason) {

	static final ReconnectEvent SHUTTING_DOWN = new ReconnectEvent("reconnect", "SERVER_SHUTTING_DOWN");

}

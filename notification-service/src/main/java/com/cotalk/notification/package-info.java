/**
 * notification-service: the in-app inbox ({@code inbox}) fed by friend events
 * ({@code friend}), room events ({@code room}) and mentions in messages ({@code mention},
 * through the per-message {@code feed}); live {@code notification} events to connected
 * users ({@code live}); device registration ({@code device}). {@code stream} reads the
 * Redis Streams with the service's consumer group; {@code directory} asks chat-service
 * and user-service about rooms and people. {@code push} is reserved for push delivery.
 */
@NullMarked
package com.cotalk.notification;

import org.jspecify.annotations.NullMarked;

package com.cotalk.chat.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Spring's thread-safe session, except that a close waits briefly for the frames already
 * buffered. Spring closes a session right after writing an {@code ERROR} frame; when
 * another thread is in the middle of a write at that moment (the {@code CONNECTED} frame,
 * an event, a heart-beat) the {@code ERROR} frame waits in the buffer for that thread,
 * and Spring's close would drop it: the client would see the socket close without being
 * told why. The writing thread flushes the buffer as soon as its own write returns, so
 * the wait is short; a slow consumer's close ({@link CloseStatus#SESSION_NOT_RELIABLE})
 * does not wait.
 */
final class FlushBeforeCloseSession extends ConcurrentWebSocketSessionDecorator {

	/** How long a close waits for the frames buffered before it. */
	static final Duration FLUSH_WAIT = Duration.ofMillis(500);

	private final long flushWaitNanos;

	FlushBeforeCloseSession(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit, Duration flushWait) {
		super(delegate, sendTimeLimit, bufferSizeLimit);
		this.flushWaitNanos = flushWait.toNanos();
	}

	@Override
	public void close(CloseStatus status) throws IOException {
		if (!CloseStatus.SESSION_NOT_RELIABLE.equals(status)) {
			long deadline = System.nanoTime() + this.flushWaitNanos;
			while (getBufferSize() > 0 && isOpen() && System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}
		super.close(status);
	}

}

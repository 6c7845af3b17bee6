package com.cotalk.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.ErrorResponse;

import com.cotalk.common.error.ApiException;
import com.cotalk.common.error.ErrorCode;
import com.cotalk.common.error.Problems;
import com.cotalk.common.web.StatusProblems;

/**
 * Turns whatever went wrong into the problem a client may see. Exception messages never
 * reach the body: a refused connection names the downstream host and port, a timeout
 * names the route.
 */
final class ErrorProblems {

	private ErrorProblems() {
	}

	static ProblemDetail from(Throwable ex) {
		ApiException api = find(ex, ApiException.class);
		if (api != null) {
			return Problems.of(api);
		}
		if (isTimeout(ex)) {
			return unavailable(HttpStatus.GATEWAY_TIMEOUT);
		}
		if (find(ex, ConnectException.class) != null || find(ex, UnknownHostException.class) != null
				|| find(ex, NoRouteToHostException.class) != null) {
			return unavailable(HttpStatus.SERVICE_UNAVAILABLE);
		}
		if (ex instanceof ErrorResponse error) {
			return forStatus(error.getStatusCode());
		}
		if (find(ex, DataBufferLimitException.class) != null) {
			return StatusProblems.forStatus(HttpStatus.CONTENT_TOO_LARGE);
		}
		// The JWKS could not be fetched: the token may be fine, the auth-service is not.
		if (find(ex, AuthenticationServiceException.class) != null) {
			return unavailable(HttpStatus.SERVICE_UNAVAILABLE);
		}
		// A downstream that closed the connection mid-answer (reactor-netty's
		// PrematureCloseException and kin).
		if (find(ex, IOException.class) != null) {
			return unavailable(HttpStatus.BAD_GATEWAY);
		}
		return StatusProblems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	static boolean isServerSide(ProblemDetail problem) {
		return problem.getStatus() >= 500;
	}

	private static ProblemDetail forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 502, 503, 504 -> unavailable(status);
			default -> StatusProblems.forStatus(status);
		};
	}

	private static ProblemDetail unavailable(HttpStatusCode status) {
		return Problems.of(status, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// reactor-netty's ReadTimeoutException, the gateway's own and the JDK's
			// TimeoutException
			if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException
					|| t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}

package com.cotalk.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.Headers;

@RestController
class SessionController {

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/api/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return this.sessions.login(request.email(), request.password(), clientIp(http));
	}

	@PostMapping("/api/auth/refresh")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return this.sessions.refresh(request.refreshToken());
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@Valid @RequestBody RefreshRequest request) {
		this.sessions.logout(request.refreshToken());
	}

	/**
	 * The gateway replaces any client-sent value; services are reachable only through it
	 * (docs/security.md).
	 */
	private static String clientIp(HttpServletRequest http) {
		String forwarded = http.getHeader(Headers.CLIENT_IP);
		return (forwarded != null && !forwarded.isBlank()) ? forwarded : http.getRemoteAddr();
	}

}

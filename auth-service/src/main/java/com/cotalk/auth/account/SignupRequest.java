package com.cotalk.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SignupRequest(
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "must be a well-formed email address") String email,
		@NotNull @Utf8Length(min = 8, max = 72) String password,
		@NotBlank @Size(min = 1, max = 40) String displayName) {

	String normalizedEmail() {
		return this.email.trim().toLowerCase(java.util.Locale.ROOT);
	}

}

package com.cotalk.chat.message;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param clientMsgId the sender's idempotency key: 1 to 64 of {@code [A-Za-z0-9._:-]}
 * @param contentType only {@code TEXT} for now
 * @param content 1 to 4000 characters (UTF-16 code units), no control characters but tab,
 * line feed and carriage return (PostgreSQL cannot store NUL: a message holding one would
 * be receipted and never stored)
 */
public record SendMessageRequest(
		@NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
				message = "must be 1 to 64 of A-Z a-z 0-9 . _ : -") String clientMsgId,
		@NotNull @Pattern(regexp = "TEXT", message = "must be TEXT") String contentType,
		@NotNull @Size(min = 1, max = 4000) @Pattern(regexp = TEXT_CHARACTERS,
				message = "must not contain control characters other than tab and line breaks") String content) {

	/**
	 * Any text but C0 control characters other than tab, line feed and carriage return.
	 */
	public static final String TEXT_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*";

}

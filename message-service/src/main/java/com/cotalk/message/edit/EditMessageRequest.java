package com.cotalk.message.edit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param content the new text: 1 to 4000 characters (UTF-16 code units), as when sending
 */
record EditMessageRequest(@NotNull @Size(min = 1, max = 4000) @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*",
		message = "must not contain control characters other than tab and line breaks") String content) {
}

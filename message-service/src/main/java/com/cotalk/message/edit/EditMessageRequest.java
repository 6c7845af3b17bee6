package com.cotalk.message.edit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param content the new text: 1 to 4000 characters (UTF-16 code units), as when sending
 */
record EditMessageRequest(@NotNull @Size(min = 1, max = 4000) String content) {
}

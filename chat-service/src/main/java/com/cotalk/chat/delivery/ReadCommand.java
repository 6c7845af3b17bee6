package com.cotalk.chat.delivery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The body of {@code SEND /app/rooms/{roomId}/read}, as {@code PUT .../read}'s. */
record ReadCommand(@NotNull @PositiveOrZero Long seq) {
}

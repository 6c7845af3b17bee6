package com.cotalk.chat.room;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * @param seq the newest message read; above the room's last seq it is clamped to it
 */
record ReadRequest(@NotNull @PositiveOrZero Long seq) {
}

package com.cotalk.chat.room;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * @param type {@code DIRECT} or {@code GROUP}
 * @param name a group's name, 1 to 50 characters (ignored for a direct room)
 * @param memberIds the other user of a direct room; a group's members besides the creator
 */
record CreateRoomRequest(@NotNull @Pattern(regexp = "DIRECT|GROUP", message = "must be DIRECT or GROUP") String type,
		@Nullable String name, @NotNull @Size(max = 499) List<@NotNull UUID> memberIds) {
}

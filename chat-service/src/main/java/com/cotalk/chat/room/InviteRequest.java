package com.cotalk.chat.room;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record InviteRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> userIds) {
}

package com.cotalk.chat.room;

import jakarta.validation.constraints.NotNull;

record SettingsRequest(@NotNull Boolean muted) {
}

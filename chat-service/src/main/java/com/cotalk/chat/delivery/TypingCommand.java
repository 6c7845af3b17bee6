package com.cotalk.chat.delivery;

import jakarta.validation.constraints.NotNull;

record TypingCommand(@NotNull Boolean typing) {
}

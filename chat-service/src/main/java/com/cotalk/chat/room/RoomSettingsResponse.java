package com.cotalk.chat.room;

import java.util.UUID;

record RoomSettingsResponse(UUID roomId, boolean muted) {
}

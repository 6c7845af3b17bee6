package com.cotalk.friend.friendship;

import java.util.List;

record FriendListResponse(List<FriendResponse> items) {
}

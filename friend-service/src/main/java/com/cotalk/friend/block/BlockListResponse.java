package com.cotalk.friend.block;

import java.util.List;

record BlockListResponse(List<BlockResponse> items) {
}

package com.cotalk.notification.inbox;

public enum NotificationType {

	FRIEND_REQUEST, FRIEND_ACCEPTED, ROOM_INVITE, MENTION

}

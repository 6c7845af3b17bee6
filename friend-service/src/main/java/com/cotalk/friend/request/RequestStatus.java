package com.cotalk.friend.request;

enum RequestStatus {

	PENDING, ACCEPTED, DECLINED, CANCELLED

}

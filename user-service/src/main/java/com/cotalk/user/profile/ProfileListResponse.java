package com.cotalk.user.profile;

import java.util.List;

record ProfileListResponse(List<ProfileResponse> items) {

	static ProfileListResponse from(List<Profile> profiles) {
		return new ProfileListResponse(profiles.stream().map(ProfileResponse::from).toList());
	}

}

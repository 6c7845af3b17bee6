package com.cotalk.notification.device;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.cotalk.common.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/notifications/devices")
class DeviceController {

	private final DeviceService devices;

	DeviceController(DeviceService devices) {
		this.devices = devices;
	}

	/** Registers the caller's device, or replaces its registration. */
	@PutMapping("/{deviceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void registerDevice(AuthenticatedUser caller, @PathVariable String deviceId,
			@RequestBody RegisterDeviceRequest body) {
		this.devices.registerDevice(caller.id(), deviceId, body);
	}

	@DeleteMapping("/{deviceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unregisterDevice(AuthenticatedUser caller, @PathVariable String deviceId) {
		this.devices.unregisterDevice(caller.id(), deviceId);
	}

}

package com.cotalk.notification.device;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.cotalk.common.error.ApiException;
import com.cotalk.notification.NotificationProperties;

/**
 * Registers and removes a user's devices; push delivery lists them and drops those a
 * provider reports gone.
 */
@Service
public class DeviceService {

	static final String TOO_MANY_DEVICES = "TOO_MANY_DEVICES";

	private final DeviceRepository devices;

	private final DeviceValidation validation;

	private final TransactionTemplate transaction;

	private final int devicesPerUser;

	DeviceService(DeviceRepository devices, NotificationProperties properties,
			PlatformTransactionManager transactionManager) {
		this.devices = devices;
		this.devicesPerUser = properties.devicesPerUser();
		this.validation = new DeviceValidation(properties.allowLoopbackHttp());
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Registers or replaces the device; its token or endpoint leaves any other device
	 * that had it (another user's too: whoever registers an address last owns it).
	 */
	void registerDevice(UUID userId, String deviceId, RegisterDeviceRequest request) {
		DeviceValidation.Registration registration = this.validation.check(deviceId, request);
		try {
			register(userId, deviceId, registration);
		}
		catch (DuplicateKeyException ex) {
			// someone registered the same address at the same moment; theirs is committed
			// now, so this attempt takes it over
			register(userId, deviceId, registration);
		}
	}

	private void register(UUID userId, String deviceId, DeviceValidation.Registration registration) {
		this.transaction.executeWithoutResult((status) -> {
			this.devices.lockUser(userId);
			if (this.devices.countOthers(userId, deviceId) >= this.devicesPerUser) {
				throw new ApiException(HttpStatus.CONFLICT, TOO_MANY_DEVICES, "At most " + this.devicesPerUser
						+ " devices can be registered; remove one (DELETE /api/notifications/devices/{deviceId}) first.");
			}
			this.devices.releaseAddress(registration.platform(), registration.address(), userId, deviceId);
			this.devices.upsert(userId, deviceId, registration);
		});
	}

	/** Idempotent: an unknown device is already gone. */
	void unregisterDevice(UUID userId, String deviceId) {
		this.validation.checkDeviceId(deviceId);
		this.devices.delete(userId, deviceId);
	}

	/** The user's devices, by device id. */
	public List<Device> devicesOf(UUID userId) {
		return this.devices.findByUser(userId);
	}

	/** Those of the users who have registered a device. */
	public Set<UUID> usersWithDevices(Collection<UUID> userIds) {
		return this.devices.usersWithDevices(userIds);
	}

	/** Removes the device; false when it was not registered. */
	public boolean removeDevice(UUID userId, String deviceId) {
		return this.devices.delete(userId, deviceId);
	}

	/**
	 * Removes the device a provider reported gone, unless it was registered again with
	 * another token or endpoint meanwhile; false when nothing was removed.
	 */
	public boolean removeGoneDevice(Device device) {
		return this.devices.deleteIfAddress(device.userId(), device.deviceId(), device.platform(), device.address());
	}

}

package com.cotalk.notification.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeviceRepository {

	private final JdbcClient jdbc;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the address away from any other device, of this user or another. */
	void releaseAddress(Platform platform, String address, UUID userId, String deviceId) {
		this.jdbc.sql("""
				DELETE FROM devices WHERE platform = :platform AND address = :address
				  AND NOT (user_id = :user AND device_id = :device)""")
			.param("platform", platform.name())
			.param("address", address)
			.param("user", userId)
			.param("device", deviceId)
			.update();
	}

	void upsert(UUID userId, String deviceId, DeviceValidation.Registration registration) {
		WebPushSubscription subscription = registration.subscription();
		this.jdbc.sql("""
				INSERT INTO devices (user_id, device_id, platform, address, p256dh, auth)
				VALUES (:user, :device, :platform, :address, :p256dh, :auth)
				ON CONFLICT (user_id, device_id) DO UPDATE
				SET platform = excluded.platform, address = excluded.address, p256dh = excluded.p256dh,
				    auth = excluded.auth, registered_at = now()""")
			.param("user", userId)
			.param("device", deviceId)
			.param("platform", registration.platform().name())
			.param("address", registration.address())
			.param("p256dh", (subscription != null) ? subscription.p256dh() : null)
			.param("auth", (subscription != null) ? subscription.auth() : null)
			.update();
	}

	/**
	 * Serialises registrations of one user's devices until the transaction ends, so that
	 * the device cap holds for registrations at the same moment.
	 */
	void lockUser(UUID userId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:user, 7))")
			.param("user", userId.toString())
			.query((rs, row) -> 0)
			.list();
	}

	/** How many devices the user has besides this one. */
	int countOthers(UUID userId, String deviceId) {
		return this.jdbc.sql("SELECT count(*) FROM devices WHERE user_id = :user AND device_id <> :device")
			.param("user", userId)
			.param("device", deviceId)
			.query(Integer.class)
			.single();
	}

	List<Device> findByUser(UUID userId) {
		return this.jdbc.sql("""
				SELECT user_id, device_id, platform, address, p256dh, auth, registered_at
				FROM devices WHERE user_id = :user ORDER BY device_id""")
			.param("user", userId)
			.query(DeviceRepository::map)
			.list();
	}

	/** One query, by the primary key's leading column. */
	Set<UUID> usersWithDevices(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("SELECT DISTINCT user_id FROM devices WHERE user_id = ANY(:users)")
			.param("users", userIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	boolean delete(UUID userId, String deviceId) {
		return this.jdbc.sql("DELETE FROM devices WHERE user_id = :user AND device_id = :device")
			.param("user", userId)
			.param("device", deviceId)
			.update() > 0;
	}

	boolean deleteIfAddress(UUID userId, String deviceId, Platform platform, String address) {
		return this.jdbc.sql("""
				DELETE FROM devices
				WHERE user_id = :user AND device_id = :device AND platform = :platform AND address = :address""")
			.param("user", userId)
			.param("device", deviceId)
			.param("platform", platform.name())
			.param("address", address)
			.update() > 0;
	}

	private static Device map(ResultSet rs, int row) throws SQLException {
		Platform platform = Platform.valueOf(rs.getString("platform"));
		String address = rs.getString("address");
		boolean webPush = platform == Platform.WEBPUSH;
		return new Device(rs.getObject("user_id", UUID.class), rs.getString("device_id"), platform,
				webPush ? null : address,
				webPush ? new WebPushSubscription(address, rs.getString("p256dh"), rs.getString("auth")) : null,
				rs.getObject("registered_at", OffsetDateTime.class).toInstant());
	}

}

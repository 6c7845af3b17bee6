package com.cotalk.chat.activity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class RoomActivityRepository {

	private final JdbcClient jdbc;

	RoomActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void advance(List<Map.Entry<UUID, java.time.Instant>> activity) {
		int n = activity.size();
		Object[] rooms = new Object[n];
		Object[] times = new Object[n];
		for (int i = 0; i < n; i++) {
			rooms[i] = activity.get(i).getKey();
			times[i] = activity.get(i).getValue().toString();
		}
		this.jdbc.sql("""
				UPDATE rooms r SET last_activity_at = v.at
				FROM unnest(:rooms, :times) AS v(id, at)
				WHERE r.id = v.id AND r.last_activity_at < v.at""")
			.param("rooms", new SqlArrayValue("uuid", rooms))
			.param("times", new SqlArrayValue("timestamptz", times))
			.update();
	}

}

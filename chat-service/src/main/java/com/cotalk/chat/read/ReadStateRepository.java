package com.cotalk.chat.read;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class ReadStateRepository {

	private final JdbcClient jdbc;

	ReadStateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One statement for the whole batch; {@code GREATEST} keeps positions from moving
	 * backwards whatever order writes arrive in. Members who left meanwhile match no row.
	 */
	void advance(List<Map.Entry<ReadStateService.Key, Long>> positions) {
		int n = positions.size();
		Object[] rooms = new Object[n];
		Object[] users = new Object[n];
		Object[] seqs = new Object[n];
		for (int i = 0; i < n; i++) {
			rooms[i] = positions.get(i).getKey().roomId();
			users[i] = positions.get(i).getKey().userId();
			seqs[i] = positions.get(i).getValue();
		}
		this.jdbc.sql("""
				UPDATE members m SET last_read_seq = GREATEST(m.last_read_seq, v.seq)
				FROM unnest(:rooms, :users, :seqs) AS v(room_id, user_id, seq)
				WHERE m.room_id = v.room_id AND m.user_id = v.user_id AND m.last_read_seq < v.seq""")
			.param("rooms", new SqlArrayValue("uuid", rooms))
			.param("users", new SqlArrayValue("uuid", users))
			.param("seqs", new SqlArrayValue("int8", seqs))
			.update();
	}

}

package com.cotalk.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar bench/target/bench-*-exec.jar <benchmark> [--option value ...]}
 * against a running {@code ./cotalk}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].startsWith("-")) {
			System.out.println("Usage: bench friend-list [--friends 1000] [--requests 2000] [--warmup 300]");
			System.out.println("         [--gateway http://localhost:8080] [--service http://localhost:8083]");
			System.out.println("         [--db jdbc:postgresql://localhost:15432/cotalk] [--db-user postgres]");
			System.out.println(
					"       bench stomp-rabbitmq [--connections 1000] [--room-size 10] [--rate 1000] [--duration 20]");
			System.out.println("         [--url ws://127.0.0.1:15674/ws]");
			System.out
				.println("       bench stomp-cotalk   (same options) [--gateway http://localhost:8080] [--db ...]");
			System.out.println("       bench search [--messages 1000000] [--queries 2000] [--load true]");
			System.out
				.println("         [--server jdbc:postgresql://127.0.0.1:5432/] [--database cotalk_search_bench]");
			System.out.println("         [--migrations message-service/src/main/resources/db/migration]");
			return;
		}
		Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "friend-list" -> new FriendListBench(options).run();
			case "search" -> new SearchBench(options).run();
			case "stomp-cotalk" -> new StompLoadBench(new CoTalkTarget(options), options).run();
			case "stomp-rabbitmq" ->
				new StompLoadBench(new RabbitMqTarget(options.getOrDefault("url", "ws://127.0.0.1:15674/ws")), options)
					.run();
			default -> throw new IllegalArgumentException("Unknown benchmark " + args[0]);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

}

package com.cotalk.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile input for the fuzz suites: random JSON of every type, size and
 * depth, valid bodies with one field replaced by something nasty, and raw bytes that are
 * not JSON or not even UTF-8. Seeded, so a failure names the seed that reproduces it
 * ({@code -Dcotalk.fuzz.seed=...}).
 */
final class Fuzz {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Strings that break naive code: control, bidi, zero-width, NUL, huge, markup. */
	static final List<String> NASTY_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u202Egnp.exe", "\u200B",
			"\uFEFF", "\r\n\t", "\u001B[31m", "\uD83D", "\uDE00x", "💩".repeat(3000), "x".repeat(70_000),
			"'; DROP TABLE", "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%n%x", "../../etc/passwd", "\\u0000",
			"🇰🇷안녕", "ㅋ".repeat(4001), "null", "1e309", "-0", "01938a7e-6b1c-7c3e-9f2a-3d4e5f607182",
			"00000000-0000-0000-0000-000000000000");

	/** Bodies that are not JSON, or not UTF-8. */
	static final List<byte[]> RAW = List.of(bytes(""), bytes("{"), bytes("["), bytes("{\"a\":"), bytes("}{"),
			bytes("{\"email\":\"a@b.c\",}"), bytes("nul"), bytes("'single'"), bytes("{\"a\":1}{\"b\":2}"),
			new byte[] { (byte) 0xC3, 0x28 },
			new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xF0, 0x28, (byte) 0x8C, 0x28, '"', '}' },
			new byte[] { '{', '"', 'x', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}' },
			new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' }, new byte[] { 0, 0, 0, 0 },
			bytes("[".repeat(20_000)), bytes("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
			bytes("\"" + "x".repeat(2_000_000) + "\""));

	private final Random random;

	Fuzz(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The same inputs on every run by default, so a red build is never a coin toss;
	 * {@code -Dcotalk.fuzz.seed=random} (or a number) explores others.
	 */
	static long seed() {
		String configured = System.getProperty("cotalk.fuzz.seed", "20261208");
		return configured.equals("random") ? System.nanoTime() : Long.parseLong(configured);
	}

	Random random() {
		return this.random;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** Any JSON value, nested up to {@code depth}. */
	JsonNode anyJson(int depth) {
		int kind = this.random.nextInt((depth > 0) ? 8 : 6);
		return switch (kind) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.booleanNode(this.random.nextBoolean());
			case 2 -> NODES.numberNode(pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 4001L)));
			case 3 -> NODES.numberNode(pick(List.of(1.5, -0.0, 1e308, Double.MIN_VALUE)));
			case 4, 5 -> NODES.stringNode(pick(NASTY_STRINGS));
			case 6 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					array.add(anyJson(depth - 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					object.set(pick(List.of("a", "", "content", "userId", "__proto__", "$where", "type")),
							anyJson(depth - 1));
				}
				yield object;
			}
		};
	}

	/** The example with one top-level field replaced (or removed, or one added). */
	JsonNode mutate(JsonNode example) {
		if (!example.isObject() || example.isEmpty()) {
			return anyJson(3);
		}
		ObjectNode copy = (ObjectNode) example.deepCopy();
		List<String> fields = copy.propertyNames().stream().toList();
		String field = pick(fields);
		switch (this.random.nextInt(4)) {
			case 0 -> copy.remove(field);
			case 1 -> copy.set(field + "x", anyJson(2));
			default -> copy.set(field, anyJson(2));
		}
		return copy;
	}

	/** JSON nested {@code depth} deep, as text. */
	static String deep(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

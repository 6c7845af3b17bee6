package com.cotalk.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images Jib builds without a Docker daemon ({@code -Pimages}, {@code jib:buildTar}):
 * one per service, named {@code cotalk/<service>:<version>}, running as a non-root user,
 * exposing the service's port, starting the service's main class with container-aware JVM
 * flags, with the service's classes inside. Checked when the tars exist, and required
 * with {@code -Dcotalk.images.built=true} ({@code .ci/run} builds them after the tests,
 * on an empty base, because Docker Hub cannot be reached from CI).
 */
class ImageTests {

	private static final Map<String, Integer> PORTS = Map.of("gateway-service", 8080, "auth-service", 8081,
			"user-service", 8082, "friend-service", 8083, "chat-service", 8084, "message-service", 8085,
			"notification-service", 8086);

	static List<String> services() {
		return Repository.SERVICES;
	}

	@ParameterizedTest
	@MethodSource("services")
	void eachServiceHasANonRootImageThatStartsIt(String service) throws IOException {
		Path tar = Repository.root().resolve(service).resolve("target/jib-image.tar");
		if (!Files.isRegularFile(tar)) {
			if (Boolean.getBoolean("cotalk.images.built")) {
				fail("No image for " + service + " at " + tar + " (./mvnw -Pimages -DskipTests package)");
			}
			assumeTrue(false, "images not built (./mvnw -Pimages -DskipTests package)");
		}
		Map<String, byte[]> entries = untar(Files.newInputStream(tar));
		JsonNode manifest = JsonMapper.shared().readTree(entries.get("manifest.json")).get(0);
		assertThat(manifest.path("RepoTags").get(0).asString()).matches("cotalk/" + service + ":[0-9][^:]*");
		JsonNode config = JsonMapper.shared().readTree(entries.get(manifest.path("Config").asString())).path("config");

		assertThat(config.path("User").asString()).as("non-root").isEqualTo("1000:1000");
		assertThat(config.path("ExposedPorts").has(PORTS.get(service) + "/tcp")).as(config.toString()).isTrue();
		List<String> entrypoint = config.path("Entrypoint").valueStream().map(JsonNode::asString).toList();
		assertThat(entrypoint.getFirst()).isEqualTo("java");
		assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
		String mainClass = entrypoint.getLast();
		assertThat(mainClass).startsWith("com.cotalk.");

		String classFile = "app/classes/" + mainClass.replace('.', '/') + ".class";
		boolean found = false;
		for (JsonNode layer : manifest.path("Layers")) {
			byte[] compressed = entries.get(layer.asString());
			if (untar(new GZIPInputStream(new ByteArrayInputStream(compressed))).keySet()
				.stream()
				.anyMatch((name) -> name.replaceFirst("^\\./", "").replaceFirst("^/", "").equals(classFile))) {
				found = true;
			}
		}
		assertThat(found).as(classFile + " in a layer").isTrue();
	}

	/** The regular files of a (ustar or GNU) tar stream, by name. */
	private static Map<String, byte[]> untar(InputStream in) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (in) {
			byte[] header = new byte[512];
			String longName = null;
			while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
				String name = (longName != null) ? longName : text(header, 0, 100);
				longName = null;
				String prefix = text(header, 345, 155);
				if (!prefix.isEmpty() && name.equals(text(header, 0, 100))) {
					name = prefix + "/" + name;
				}
				long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(),
						8);
				byte[] data = in.readNBytes((int) size);
				in.skipNBytes((512 - size % 512) % 512);
				char type = (char) header[156];
				if (type == 'L') {
					longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
				}
				else if (type == '0' || type == 0) {
					files.put(name, data);
				}
			}
		}
		return files;
	}

	private static String text(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.UTF_8);
	}

}

package com.cotalk.testsupport;

/**
 * Values read from a Prometheus text scrape ({@code /actuator/prometheus}), for tests
 * that check what a service's meters say.
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The sum over every series of the name that carries all the labels, each given as
	 * {@code key="value"}; 0 when there is none.
	 */
	public static double sum(String scrape, String name, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.filter((line) -> hasLabels(line, name, labels))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** How much the sum of the name's series grew from one scrape to a later one. */
	public static double delta(String before, String after, String name) {
		return sum(after, name) - sum(before, name);
	}

	private static boolean hasLabels(String line, String name, String... labels) {
		if (labels.length == 0) {
			return true;
		}
		if (line.charAt(name.length()) != '{') {
			return false;
		}
		String set = line.substring(name.length(), line.lastIndexOf('}') + 1);
		for (String label : labels) {
			if (!set.contains("{" + label + ",") && !set.contains("," + label + ",") && !set.contains("{" + label + "}")
					&& !set.contains("," + label + "}")) {
				return false;
			}
		}
		return true;
	}

}

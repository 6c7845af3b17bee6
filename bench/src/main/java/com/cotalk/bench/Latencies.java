package com.cotalk.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, and their percentiles. */
final class Latencies {

	private final long[] nanos;

	private int count;

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long value) {
		this.nanos[this.count++] = value;
	}

	String summary() {
		if (this.count == 0) {
			return "n=0";
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		return "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms".formatted(this.count, ms(sorted, 0.50),
				ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}

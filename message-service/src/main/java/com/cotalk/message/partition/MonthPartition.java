package com.cotalk.message.partition;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partition of {@code messages.messages} holding one calendar month (UTC) of
 * {@code sent_at}.
 */
record MonthPartition(YearMonth month) {

	private static final Pattern NAME = Pattern.compile("messages_(\\d{4})_(\\d{2})");

	String name() {
		return "messages_%04d_%02d".formatted(this.month.getYear(), this.month.getMonthValue());
	}

	OffsetDateTime from() {
		return this.month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	OffsetDateTime to() {
		return this.month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	/** The current month and the {@code ahead} months after it. */
	static List<MonthPartition> needed(YearMonth current, int ahead) {
		List<MonthPartition> needed = new ArrayList<>(ahead + 1);
		for (int i = 0; i <= ahead; i++) {
			needed.add(new MonthPartition(current.plusMonths(i)));
		}
		return needed;
	}

	/**
	 * Whether retention lets the partition go: it keeps the current month and the
	 * {@code retentionMonths} before it (0 keeps everything).
	 */
	boolean expired(YearMonth current, int retentionMonths) {
		return retentionMonths > 0 && this.month.isBefore(current.minusMonths(retentionMonths));
	}

	/** The month partition of that name, if it is one (the DEFAULT partition is not). */
	static Optional<MonthPartition> parse(String name) {
		Matcher matcher = NAME.matcher(name);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int month = Integer.parseInt(matcher.group(2));
		if (month < 1 || month > 12) {
			return Optional.empty();
		}
		return Optional.of(new MonthPartition(YearMonth.of(Integer.parseInt(matcher.group(1)), month)));
	}

}

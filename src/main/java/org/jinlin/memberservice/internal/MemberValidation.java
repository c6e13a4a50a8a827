package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jinlin.memberservice.ServiceCategory;
import org.jinlin.shared.web.ValidationFailedException;

/**
 * The field rules of member service, free of Spring: one instance collects the messages of one request, and
 * {@link #failIfAny()} turns them into a 400 with every field that is wrong.
 */
public final class MemberValidation {

	/** Member service counts days, quarters and ages in China Standard Time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int ELDERLY_AGE = 60;

	private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$");

	private static final Pattern QUARTER = Pattern.compile("^(\\d{4})Q([1-4])$");

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private final List<Map<String, String>> errors = new ArrayList<>();

	/** The messages collected so far. */
	List<Map<String, String>> errors() {
		return List.copyOf(errors);
	}

	void add(String field, String message) {
		errors.add(Map.of("field", field, "message", message));
	}

	void addAll(ValidationFailedException e) {
		errors.addAll(e.errors());
	}

	/** A required or optional text, stripped, at most {@code max} characters. */
	String text(String value, String field, int max, boolean required) {
		String v = value == null ? null : value.strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				add(field, "Required");
			}
			return null;
		}
		if (v.length() > max) {
			add(field, "At most " + max + " characters");
		}
		return v;
	}

	String phone(String value, boolean required) {
		String v = value == null ? null : value.replace(" ", "").strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				add("phone", "Required");
			}
			return null;
		}
		if (!PHONE.matcher(v).matches()) {
			add("phone", "A mobile number of 11 digits or a landline like 0591-87654321");
		}
		return v;
	}

	ServiceCategory category(String value) {
		Optional<ServiceCategory> c = ServiceCategory.parse(value);
		if (c.isEmpty()) {
			add("category", "Choose a category");
		}
		return c.orElse(null);
	}

	String categories(List<String> values) {
		return codes(values, ServiceCategory::parse, "categories", "Choose one or more service categories");
	}

	String availability(List<String> values) {
		return codes(values, Availability::parse, "availability", "Choose when you can serve");
	}

	private <E extends Enum<E>> String codes(List<String> values, java.util.function.Function<String, Optional<E>> parse,
			String field, String message) {
		List<E> list = values == null ? List.of()
				: values.stream().map(parse).flatMap(Optional::stream).distinct().sorted().toList();
		if (list.isEmpty() || (values != null && list.size() < values.stream().filter(Objects::nonNull).distinct().count())) {
			add(field, message);
		}
		return list.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	/** Hours of service: more than 0, at most 24, at most two decimals. */
	BigDecimal hours(BigDecimal hours) {
		if (hours == null) {
			add("hours", "Give the hours of service (travel excluded)");
			return null;
		}
		if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
			add("hours", "Hours must be more than 0 and at most 24");
		}
		else if (hours.stripTrailingZeros().scale() > 2) {
			add("hours", "At most two decimals");
		}
		return hours.setScale(2, RoundingMode.HALF_UP);
	}

	void headcount(Integer headcount, int max) {
		if (headcount == null || headcount < 1 || headcount > max) {
			add("headcount", "Headcount from 1 to " + max);
		}
	}

	void failIfAny() {
		if (!errors.isEmpty()) {
			throw new ValidationFailedException("Invalid fields: "
					+ errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")), errors);
		}
	}

	/** "2026Q4" → its first and last day; 400 on the field {@code quarter} otherwise. */
	static LocalDate[] quarter(String quarter) {
		Matcher m = QUARTER.matcher(quarter == null ? "" : quarter.trim().toUpperCase(Locale.ROOT));
		if (!m.matches()) {
			throw ValidationFailedException.field("quarter", "A quarter like 2026Q4");
		}
		LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
		return new LocalDate[] { from, from.plusMonths(3).minusDays(1) };
	}

	/** The quarter of today, like 2026Q4. */
	public static String currentQuarter() {
		LocalDate today = LocalDate.now(ZONE);
		return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
	}

	static boolean elderly(LocalDate birthDate) {
		return birthDate != null && Period.between(birthDate, LocalDate.now(ZONE)).getYears() >= ELDERLY_AGE;
	}

	/** "党员 张敏" → "张敏": display names of accounts may carry a role prefix. */
	static String plainName(String displayName) {
		int space = displayName.lastIndexOf(' ');
		return space >= 0 ? displayName.substring(space + 1) : displayName;
	}

	static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
	}
}

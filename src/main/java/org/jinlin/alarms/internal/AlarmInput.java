package org.jinlin.alarms.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jinlin.shared.web.FieldErrors.FieldError;

/** Spring-free checks of the alarms' input: limits and enum values by name. */
public final class AlarmInput {

	public static final int NOTE_MAX = 1000;

	public static final int IDEMPOTENCY_KEY_MAX = 120;

	/** A device clock may run this far ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** The summary message of the alarms' field errors. */
	public static final String INVALID = "alarms.error.invalid";

	private AlarmInput() {
	}

	/** Parses an enum name (case-insensitive); an unknown or missing value is a field error. */
	public static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldError(field, "alarms.field.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldError(field, "alarms.field.unknown-value", value.length() > 40 ? value.substring(0, 40) : value));
			return null;
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A note over {@link #NOTE_MAX} is a field error. */
	static String note(String value, List<FieldError> problems) {
		String note = blankToNull(value);
		if (note != null && note.length() > NOTE_MAX) {
			problems.add(new FieldError("note", "alarms.note.too-long", NOTE_MAX));
		}
		return note;
	}
}

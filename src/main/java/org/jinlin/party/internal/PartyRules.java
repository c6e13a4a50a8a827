package org.jinlin.party.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jinlin.shared.web.FieldErrors.FieldError;

/** The field rules party records share, free of Spring: each adds its field error (a message code) to the list. */
final class PartyRules {

	/** The summary message of an invalid party record. */
	static final String INVALID = "party.error.invalid";

	private PartyRules() {
	}

	static void add(List<FieldError> errors, String field, String code, Object... args) {
		errors.add(new FieldError(field, code, args));
	}

	static boolean has(List<FieldError> errors, String field) {
		return errors.stream().anyMatch(e -> e.field().equals(field));
	}

	/** Text that must be there and at most {@code max} characters long. */
	static void requireText(List<FieldError> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			add(errors, field, "party.error.blank");
		}
		else if (value.strip().length() > max) {
			tooLong(errors, field, max);
		}
	}

	static void tooLong(List<FieldError> errors, String field, int max) {
		add(errors, field, "party.error.tooLong", String.valueOf(max));
	}

	/** A whole number between {@code min} and {@code max}, when there. */
	static boolean inRange(Integer value, int min, int max) {
		return value != null && value >= min && value <= max;
	}

	static void range(List<FieldError> errors, String field, int min, int max) {
		add(errors, field, "party.error.range", String.valueOf(min), String.valueOf(max));
	}

	/** A date that must be there ({@code 2026-05-01}); null with a field error otherwise. */
	static LocalDate date(List<FieldError> errors, String field, String value) {
		if (value == null || value.isBlank()) {
			add(errors, field, "party.error.blank");
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			add(errors, field, "party.error.date");
			return null;
		}
	}

	static boolean validPhone(String phone) {
		return phone == null || phone.isBlank() || phone.strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
	}

	static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}

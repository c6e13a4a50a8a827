package org.jinlin.consultation.internal;

import java.util.List;

import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;

/** Small field checks the command services share. */
final class ConsultationChecks {

	private ConsultationChecks() {
	}

	/** The trimmed text; a problem when required and blank, or longer than {@code max} characters. */
	static String text(String value, String field, boolean required, int max, List<FieldError> problems) {
		String t = FieldErrors.trim(value);
		if (t == null) {
			if (required) {
				problems.add(new FieldError(field, "consultation.error.required"));
			}
			return null;
		}
		if (t.codePointCount(0, t.length()) > max) {
			problems.add(new FieldError(field, "consultation.error.too-long", max));
			return null;
		}
		return t;
	}

	/** An enum constant by name; a problem when required and blank, or unknown. */
	static <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required,
			List<FieldError> problems) {
		String t = FieldErrors.trim(value);
		if (t == null) {
			if (required) {
				problems.add(new FieldError(field, "consultation.error.required"));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, t);
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldError(field, "consultation.error.choice"));
			return null;
		}
	}
}

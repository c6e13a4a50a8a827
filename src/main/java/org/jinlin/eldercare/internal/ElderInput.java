package org.jinlin.eldercare.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Component;

/** The register's input checks: texts, lists and the purpose of a reveal, as field errors by message code. */
@Component
@RequiredArgsConstructor
class ElderInput {

	static final String INVALID = "eldercare.error.invalid";

	private final FieldErrors errors;

	void failIfAny(List<FieldError> problems) {
		errors.failIfAny(INVALID, problems);
	}

	/** One field's error, the exception's message in English (as the API has always answered). */
	ValidationFailedException fieldError(String field, String code, String defaultMessage) {
		return new ValidationFailedException(defaultMessage, errors.invalid(INVALID, List.of(new FieldError(field, code))).errors());
	}

	String purpose(String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw fieldError("purpose", "eldercare.error.purpose.required", "A purpose is required");
		}
		if (purpose.strip().length() > 200) {
			throw fieldError("purpose", "eldercare.error.text.length", "Too long");
		}
		return purpose.strip();
	}

	static String text(String value, String field, int max, boolean required, List<FieldError> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldError(field, "eldercare.error." + field + ".required"));
			}
			return null;
		}
		if (value.strip().length() > max) {
			problems.add(new FieldError(field, "eldercare.error.text.length"));
		}
		return value.strip();
	}

	static void checkList(String field, List<String> items, List<FieldError> problems) {
		if (items != null && (items.size() > 30 || items.stream().anyMatch(s -> s != null && s.strip().length() > 100))) {
			problems.add(new FieldError(field, "eldercare.error.list.length"));
		}
	}

	static List<String> clean(List<String> items) {
		return items == null ? List.of() : items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}

package org.jinlin.alarms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Field errors by message code, localized into a {@link ValidationFailedException} (400 with field messages). */
@Component
class AlarmErrors {

	private final MessageSource messages;

	AlarmErrors(MessageSource messages) {
		this.messages = messages;
	}

	record FieldError(String field, String code, Object... args) {
	}

	ValidationFailedException invalid(List<FieldError> errors) {
		List<Map<String, String>> list = new ArrayList<>();
		for (FieldError e : errors) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", e.field());
			m.put("code", e.code());
			m.put("message", message(e.code(), e.args()));
			list.add(m);
		}
		return new ValidationFailedException(message("alarms.error.invalid"), list);
	}

	void failIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
	}

	String message(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** Parses an enum name (case-insensitive); an unknown or missing value is a field error. */
	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> problems) {
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
}

package org.jinlin.demands.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Collects field errors by message code and turns them into a {@link ValidationFailedException}
 * whose messages are in the caller's language (400 with {field, code, message} in the API,
 * messages next to the fields in the UI).
 */
@Component("demandFieldErrors")
public class FieldErrors {

	private final MessageSource messages;

	FieldErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** A field error before localization. */
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
		return new ValidationFailedException(message("demands.error.invalid"), list);
	}

	ValidationFailedException invalid(String field, String code, Object... args) {
		return invalid(List.of(new FieldError(field, code, args)));
	}

	void failIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
	}

	String message(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}

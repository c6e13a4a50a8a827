package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a service reports invalid input: field errors by message code, localized into a
 * {@link ValidationFailedException} in the caller's language (400 with {@code {field, code, message}} in the
 * API, messages next to the fields in the UI through {@link FormErrors}). A module keeps its own message codes
 * and passes the code of its summary message ({@code carefacilities.error.invalid}, …).
 */
@Component
public class FieldErrors {

	/** A field error before localization. */
	public record FieldError(String field, String code, Object... args) {
	}

	private final MessageSource messages;

	public FieldErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** The errors, localized, under the summary message {@code summaryCode}. */
	public ValidationFailedException invalid(String summaryCode, List<FieldError> errors) {
		List<Map<String, String>> list = new ArrayList<>();
		for (FieldError e : errors) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", e.field());
			m.put("code", e.code());
			m.put("message", message(e.code(), e.args()));
			list.add(m);
		}
		return new ValidationFailedException(message(summaryCode), list);
	}

	/** Throws {@link #invalid} when there is any error. */
	public void failIfAny(String summaryCode, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw invalid(summaryCode, errors);
		}
	}

	/** A message in the caller's language; the code itself when the bundles do not know it. */
	public String message(String code, Object... args) {
		return message(LocaleContextHolder.getLocale(), code, args);
	}

	public String message(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}

	/** Trims; blank becomes null. */
	public static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}
}

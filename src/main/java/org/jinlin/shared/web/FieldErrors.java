package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a service reports invalid input: field errors by message code, localized into a
 * {@link ValidationFailedException} in the caller's language (400 with {@code {field, code, message}} in the
 * API, messages next to the fields in the UI through {@link FormErrors}). A module keeps its own message codes
 * and passes the code of its summary message ({@code carefacilities.error.invalid}, …), or gets the general one.
 */
@Component
@RequiredArgsConstructor
public class FieldErrors {

	/** A field error before localization. */
	public record FieldError(String field, String code, Object... args) {
	}

	/** The summary used when a module names none. */
	public static final String GENERAL_SUMMARY = "problems.invalid";

	private final MessageSource messages;

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

	/** The errors, localized, under the general summary message. */
	public ValidationFailedException invalid(List<FieldError> errors) {
		return invalid(GENERAL_SUMMARY, errors);
	}

	/** One field error under the general summary message. */
	public ValidationFailedException invalid(String field, String code, Object... args) {
		return invalid(GENERAL_SUMMARY, List.of(new FieldError(field, code, args)));
	}

	/** Throws {@link #invalid} with the general summary when there is any error. */
	public void failIfAny(List<FieldError> errors) {
		failIfAny(GENERAL_SUMMARY, errors);
	}

	/** A 409 saying, in the caller's language, which rule the request breaks. */
	public ConflictException conflict(String code, Object... args) {
		return new ConflictException(message(code, args));
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

package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the exceptions behind problem+json answers from message codes, localized for the current request: field
 * errors (400 with one message per field) and conflicts (409 with the broken rule's message). One place for what
 * each module used to build for itself.
 */
@Component
public class Problems {

	/** One field's error: the field, the message code and its arguments. */
	public record FieldError(String field, String code, Object... args) {
	}

	private final MessageSource messages;

	public Problems(MessageSource messages) {
		this.messages = messages;
	}

	/** A 400 with these field errors. */
	public ValidationFailedException invalid(List<FieldError> errors) {
		List<Map<String, String>> list = new ArrayList<>();
		for (FieldError e : errors) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", e.field());
			m.put("code", e.code());
			m.put("message", message(e.code(), e.args()));
			list.add(m);
		}
		return new ValidationFailedException(message("problems.invalid"), list);
	}

	/** A 400 with one field error. */
	public ValidationFailedException invalid(String field, String code, Object... args) {
		return invalid(List.of(new FieldError(field, code, args)));
	}

	/** Throws a 400 when there is any field error. */
	public void failIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
	}

	/** A 409 saying which rule the request breaks. */
	public ConflictException conflict(String code, Object... args) {
		return new ConflictException(message(code, args));
	}

	/** The message for the code in the request's language (the code itself if the bundles lack it). */
	public String message(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}

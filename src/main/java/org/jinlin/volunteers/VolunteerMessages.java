package org.jinlin.volunteers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The module's messages in the request's language, and the field-error collector of its forms and API. */
@Component
class VolunteerMessages {

	private final MessageSource messages;

	VolunteerMessages(MessageSource messages) {
		this.messages = messages;
	}

	String get(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	ConflictException rule(CheckInPolicy.Rejected e) {
		return new ConflictException(get(e.rejection.messageKey(), CheckInPolicy.MAX_PAIRS_PER_DAY));
	}

	Errors errors() {
		return new Errors();
	}

	/** Field errors collected during validation; {@link #throwIfAny()} raises a 400 with all of them. */
	final class Errors {

		private final List<Map<String, String>> list = new ArrayList<>();

		Errors add(String field, String code, Object... args) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", field);
			m.put("message", get(code, args));
			list.add(m);
			return this;
		}

		boolean has(String field) {
			return list.stream().anyMatch(m -> field.equals(m.get("field")));
		}

		void throwIfAny() {
			if (!list.isEmpty()) {
				throw new ValidationFailedException(get("volunteers.error.invalid"), list);
			}
		}
	}

	/** Field errors of a failed validation keyed by field, for the pages. */
	static Map<String, List<String>> byField(ValidationFailedException e) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map<String, String> m : e.errors()) {
			errors.computeIfAbsent(m.getOrDefault("field", "_global"), k -> new ArrayList<>()).add(m.get("message"));
		}
		return errors;
	}
}

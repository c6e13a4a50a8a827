package org.jinlin.circle.facilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The registry's messages ({@code i18n/circle-facilities}) and field problems turned into a 400. */
@Component
class Messages {

	/** A field problem before localization. */
	record Problem(String field, String code, Object... args) {
	}

	private final MessageSource messages;

	Messages(MessageSource messages) {
		this.messages = messages;
	}

	String get(String code, Object... args) {
		return get(LocaleContextHolder.getLocale(), code, args);
	}

	String get(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}

	ValidationFailedException invalid(List<Problem> problems) {
		List<Map<String, String>> list = new ArrayList<>();
		for (Problem e : problems) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", e.field());
			m.put("code", e.code());
			m.put("message", get(e.code(), e.args()));
			list.add(m);
		}
		return new ValidationFailedException(get("circlefacilities.error.invalid"), list);
	}

	static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}
}

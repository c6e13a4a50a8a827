package org.jinlin.memberservice.web;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.ServiceCategory;
import org.jinlin.memberservice.internal.Availability;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the member-service pages share: the choices of the forms, and one message per invalid field in the reader's
 * language ({@code memberservice.error.<field>}, or the service's own message for a field the bundles do not name).
 */
@Component
@RequiredArgsConstructor
class MemberPageSupport {

	private final MessageSource messages;

	String msg(String key, String fallback) {
		return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

	/** The first message of each invalid field, localized. */
	Map<String, String> errors(ValidationFailedException e) {
		Map<String, String> map = new LinkedHashMap<>();
		e.errors().forEach(err -> map.putIfAbsent(err.get("field"),
				msg("memberservice.error." + err.get("field"), err.get("message"))));
		return map;
	}

	/** The service categories and availabilities the forms offer. */
	static void choices(Model model) {
		model.addAttribute("categories", ServiceCategory.values());
		model.addAttribute("availabilities", Availability.values());
	}
}

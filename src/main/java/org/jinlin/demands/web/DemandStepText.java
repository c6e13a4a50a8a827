package org.jinlin.demands.web;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The internal note of a demand's timeline step in words: notes the platform writes carry codes (the channel of a
 * demand raised on a resident's behalf, a return reason, the deadline an escalation missed, "contact viewed",
 * "merged #12", the working days of an extension), and the desk shows their labels. Free text a person wrote stays as
 * written. Called as {@code ${@demandSteps.note(s.kind, s.note)}}.
 */
@Component("demandSteps")
@RequiredArgsConstructor
public class DemandStepText {

	private final MessageSource messages;

	public String note(String kind, String note) {
		if (note == null || note.isBlank()) {
			return note;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String k = String.valueOf(kind);
		if (k.equals("RAISED")) {
			return msg("demands.channel." + note, note, locale);
		}
		if (k.equals("ESCALATED")) {
			return msg("demands.step.note.due." + note, note, locale);
		}
		if (note.equals("contact viewed")) {
			return msg("demands.step.note.contactViewed", note, locale);
		}
		if (note.startsWith("merged #")) {
			return messages.getMessage("demands.step.note.merged", new Object[] { note.substring("merged ".length()) },
					note, locale);
		}
		int colon = note.indexOf(": ");
		if (colon > 0 && k.equals("RETURNED")) {
			return msg("demands.returnReason." + note.substring(0, colon), note.substring(0, colon), locale) + " · "
					+ note.substring(colon + 2);
		}
		if (colon > 0 && k.equals("EXTENSION_REQUESTED") && note.substring(0, colon).matches("\\d{1,3}")) {
			return messages.getMessage("demands.step.note.extension", new Object[] { note.substring(0, colon) },
					note.substring(0, colon), locale) + " · " + note.substring(colon + 2);
		}
		return note;
	}

	private String msg(String code, String fallback, Locale locale) {
		return messages.getMessage(code, null, fallback, locale);
	}
}

package org.jinlin.alarms.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The detail of an alarm's timeline step in words: the stored detail names the channel, kind and outcome by their
 * codes ({@code DEVICE FALL}, {@code TAKEN_TO_HOSPITAL: note}, {@code ACK_TIMEOUT → …}, a number of relatives), and
 * the page shows their labels. Called from the detail page as {@code ${@alarmSteps.detail(s.kind, s.detail)}}.
 */
@Component("alarmSteps")
@RequiredArgsConstructor
public class AlarmStepText {

	private final MessageSource messages;

	public String detail(String kind, String detail) {
		if (detail == null || detail.isBlank()) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		return switch (kind) {
			case "FAMILY_TO_NOTIFY" -> messages.getMessage("alarms.pages.detail.family", new Object[] { detail }, detail, locale);
			case "FAMILY_REACHED", "FAMILY_UNREACHABLE" ->
				messages.getMessage("alarms.pages.detail.priority", new Object[] { detail }, detail, locale);
			case "ESCALATED" -> detail.startsWith("ACK_TIMEOUT")
					? messages.getMessage("alarms.pages.detail.ackTimeout", null, locale) + detail.substring("ACK_TIMEOUT".length())
					: detail;
			case "RAISED", "PRESSED_AGAIN", "RESOLVED" -> codes(detail, kind.equals("RESOLVED"), locale);
			default -> detail;
		};
	}

	/** "DEVICE FALL: note" → "设备报警 · 跌倒：note"; words that are no code (a device id) stay. */
	private String codes(String detail, boolean outcome, Locale locale) {
		int colon = detail.indexOf(": ");
		String head = colon < 0 ? detail : detail.substring(0, colon);
		String words = Arrays.stream(head.split(" "))
			.filter(w -> !w.isEmpty())
			.map(w -> word(w, outcome, locale))
			.collect(Collectors.joining(" · "));
		return colon < 0 ? words : words + messages.getMessage("alarms.pages.detail.noteSeparator", null, "：", locale)
				+ detail.substring(colon + 2);
	}

	private String word(String word, boolean outcome, Locale locale) {
		String[] prefixes = outcome ? new String[] { "alarms.pages.outcome.", "alarms.pages.kind." }
				: new String[] { "alarms.pages.channel.", "alarms.pages.kind." };
		for (String prefix : prefixes) {
			String label = messages.getMessage(prefix + word, null, null, locale);
			if (label != null) {
				return label;
			}
		}
		return word;
	}
}

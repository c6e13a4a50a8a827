package org.jinlin.accounts;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.internal.AccountRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a person reads for whoever did something, as timelines and histories store it: an account's display
 * name instead of its user name, "系统" / "System" for the platform's own timers and listeners ({@code system},
 * {@code system:…}), and an API key by its name ("接口 demo-devices"). Pages call it as
 * {@code ${@actorLabels.label(step.actor)}}; an unknown user name is shown as it is.
 */
@Component("actorLabels")
@RequiredArgsConstructor
public class ActorLabels {

	private final AccountRepository accounts;

	private final MessageSource messages;

	/** The label of a stored actor, in the request's language; "—" for none. */
	public String label(String actor) {
		if (actor == null || actor.isBlank()) {
			return "—";
		}
		Locale locale = LocaleContextHolder.getLocale();
		if (actor.equals("system") || actor.startsWith("system:")) {
			return messages.getMessage("actor.system", null, "系统", locale);
		}
		if (actor.startsWith("apikey:")) {
			return messages.getMessage("actor.apikey", new Object[] { actor.substring("apikey:".length()) },
					actor, locale);
		}
		return accounts.find(actor.trim().toLowerCase(Locale.ROOT))
			.map(AccountRepository.AccountRow::displayName)
			.orElse(actor);
	}
}

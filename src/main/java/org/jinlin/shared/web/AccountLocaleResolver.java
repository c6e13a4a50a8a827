package org.jinlin.shared.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Simplified Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie, and, for a
 * signed-in account, on the account ({@link UiPreferenceStore}), which {@link AccountPreferencesInterceptor} applies
 * on the account's next session on any device.
 */
@Component("localeResolver")
class AccountLocaleResolver extends CookieLocaleResolver {

	/** The languages the platform speaks; anything else is not stored. */
	static final Set<String> LANGUAGES = Set.of("zh", "en");

	private final ObjectProvider<UiPreferenceStore> store;

	AccountLocaleResolver(ObjectProvider<UiPreferenceStore> store) {
		super("jinlin-lang");
		this.store = store;
		setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		setCookieMaxAge(Duration.ofDays(365));
	}

	/** A change of language by the visitor: kept in the cookie and, when signed in, on the account. */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, locale);
		if (locale != null && LANGUAGES.contains(locale.getLanguage())) {
			CurrentActor.findUnfocused()
				.filter(a -> !a.isApiKey() && a.accountId() != null)
				.map(Actor::accountId)
				.ifPresent(id -> store.ifAvailable(s -> s.saveLanguage(id, locale.toLanguageTag())));
		}
	}

	/** The account's stored language, applied to this device (cookie) and request, without storing it again. */
	void apply(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, locale);
	}
}

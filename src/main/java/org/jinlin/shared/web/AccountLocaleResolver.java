package org.jinlin.shared.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Simplified Chinese by default; {@code ?lang=en} switches this browser to English and is remembered in a cookie. A
 * signed-in account's own choice (its menu, {@link UiPreferences}) is also kept on the account and applied on its
 * next session by {@link AccountPreferencesInterceptor}.
 */
@Component("localeResolver")
class AccountLocaleResolver extends CookieLocaleResolver {

	/** The languages the platform speaks. */
	static final Set<String> LANGUAGES = Set.of("zh", "en");

	AccountLocaleResolver() {
		super("jinlin-lang");
		setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		setCookieMaxAge(Duration.ofDays(365));
	}
}

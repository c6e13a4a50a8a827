package org.jinlin.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies a signed-in account's stored language and 长辈模式 once per session (so right after signing in, on any
 * device): the device's cookies are set to them and the first page already shows them. What the account never chose
 * stays as the device's cookie says. API calls are left alone.
 */
@Component
@RequiredArgsConstructor
class AccountPreferencesInterceptor implements HandlerInterceptor {

	static final String APPLIED = "jinlin.preferences.applied";

	private final ObjectProvider<UiPreferenceStore> store;

	private final AccountLocaleResolver locales;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// API calls are left alone; a change of preference is applied by its own handler (and stored first)
		if (path.startsWith("/api/") || path.startsWith("/preferences/")) {
			return true;
		}
		CurrentActor.findUnfocused().filter(a -> !a.isApiKey() && a.accountId() != null).ifPresent(actor -> {
			HttpSession session = request.getSession();
			if (actor.accountId().equals(session.getAttribute(APPLIED))) {
				return;
			}
			UiPreferenceStore s = store.getIfAvailable();
			if (s != null) {
				s.find(actor.accountId()).ifPresent(p -> {
					if (p.languageTag() != null) {
						locales.setLocale(request, response, Locale.forLanguageTag(p.languageTag()));
					}
					if (p.ageFriendly() != null) {
						UiPreferences.apply(request, response, p.ageFriendly());
					}
				});
			}
			session.setAttribute(APPLIED, actor.accountId());
		});
		return true;
	}
}

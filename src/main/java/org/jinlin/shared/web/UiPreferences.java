package org.jinlin.shared.web;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The age-friendly mode (large text, high contrast, large touch targets): turned on once, kept for a year in a
 * cookie, so it also works before signing in, and on the signed-in account ({@link UiPreferenceStore}), so it
 * follows the account to every device.
 */
@Controller
@ControllerAdvice
@RequiredArgsConstructor
class UiPreferences {

	static final String COOKIE = "jinlin-age-friendly";

	/** Set for the rest of a request whose mode was just changed or applied from the account. */
	static final String REQUEST_ATTRIBUTE = UiPreferences.class.getName() + ".ageFriendly";

	private final ObjectProvider<UiPreferenceStore> store;

	private final AccountLocaleResolver locales;

	@ModelAttribute("ageFriendly")
	boolean ageFriendly(HttpServletRequest request) {
		if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Boolean on) {
			return on;
		}
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies)
			.anyMatch(c -> COOKIE.equals(c.getName()) && "1".equals(c.getValue()));
	}

	@PostMapping("/preferences/age-friendly")
	String toggle(HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(value = "Referer", required = false) String referer) {
		boolean on = !ageFriendly(request);
		apply(request, response, on);
		CurrentActor.findUnfocused()
			.filter(a -> !a.isApiKey() && a.accountId() != null)
			.ifPresent(a -> store.ifAvailable(s -> s.saveAgeFriendly(a.accountId(), on)));
		return "redirect:" + safeRedirect(referer);
	}

	/**
	 * The language chosen from the account's own menu (or by a visitor): this browser's cookie, and for a signed-in
	 * account the account itself, so its next session on any device starts in it. Back to the page it came from,
	 * without the page's own {@code lang} parameter.
	 */
	@PostMapping("/preferences/language")
	String language(@RequestParam(name = "language", defaultValue = "") String lang, HttpServletRequest request,
			HttpServletResponse response, @RequestHeader(value = "Referer", required = false) String referer) {
		Locale locale = Locale.forLanguageTag(lang.strip());
		if (AccountLocaleResolver.LANGUAGES.contains(locale.getLanguage())) {
			Locale chosen = locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
			locales.setLocale(request, response, chosen);
			CurrentActor.findUnfocused()
				.filter(a -> !a.isApiKey() && a.accountId() != null)
				.ifPresent(a -> store.ifAvailable(s -> s.saveLanguage(a.accountId(), chosen.toLanguageTag())));
		}
		return "redirect:" + withoutLang(safeRedirect(referer));
	}

	/** A same-site target without its {@code lang} parameter (it would switch the language back). */
	static String withoutLang(String target) {
		int q = target.indexOf('?');
		if (q < 0) {
			return target;
		}
		String query = java.util.Arrays.stream(target.substring(q + 1).split("&"))
			.filter(p -> !p.equals("lang") && !p.startsWith("lang="))
			.collect(java.util.stream.Collectors.joining("&"));
		return query.isEmpty() ? target.substring(0, q) : target.substring(0, q + 1) + query;
	}

	/** The mode for this device (cookie) and the rest of this request. */
	static void apply(HttpServletRequest request, HttpServletResponse response, boolean on) {
		Cookie cookie = new Cookie(COOKIE, on ? "1" : "0");
		cookie.setPath("/");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		response.addCookie(cookie);
		request.setAttribute(REQUEST_ATTRIBUTE, on);
	}

	/** Only same-site relative targets, never an open redirect. */
	static String safeRedirect(String referer) {
		if (referer == null) {
			return "/";
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException e) {
			return "/";
		}
	}
}

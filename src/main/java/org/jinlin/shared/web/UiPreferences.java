package org.jinlin.shared.web;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The age-friendly mode (large text, high contrast, large touch targets): turned on once,
 * kept for a year in a cookie, so it also works before signing in.
 */
@Controller
@ControllerAdvice
class UiPreferences {

	static final String COOKIE = "jinlin-age-friendly";

	@ModelAttribute("ageFriendly")
	boolean ageFriendly(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies)
			.anyMatch(c -> COOKIE.equals(c.getName()) && "1".equals(c.getValue()));
	}

	@PostMapping("/preferences/age-friendly")
	String toggle(HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(value = "Referer", required = false) String referer) {
		boolean on = !ageFriendly(request);
		Cookie cookie = new Cookie(COOKIE, on ? "1" : "0");
		cookie.setPath("/");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setHttpOnly(true);
		response.addCookie(cookie);
		return "redirect:" + safeRedirect(referer);
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

package org.jinlin.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jinlin.shared.JurisdictionFocus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Part of the browser filter chain only (never the JSON API's): exposes the session's
 * {@link JurisdictionFocus} to {@link org.jinlin.shared.CurrentActor} as a request attribute.
 * Not a bean, so Spring Boot does not register it for every request.
 */
public class JurisdictionFocusFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Object focus = session == null ? null : session.getAttribute(JurisdictionFocus.SESSION_ATTRIBUTE);
		if (focus instanceof JurisdictionFocus f) {
			request.setAttribute(JurisdictionFocus.REQUEST_ATTRIBUTE, f);
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}

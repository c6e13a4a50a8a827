package org.jinlin.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every request parameter (query, form, multipart field) as {@link RequestText#clean} leaves it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestTextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Cleaned(request), response);
	}

	static final class Cleaned extends HttpServletRequestWrapper {

		Cleaned(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return RequestText.clean(super.getParameter(name));
		}

		@Override
		public String[] getParameterValues(String name) {
			return clean(super.getParameterValues(name));
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			Map<String, String[]> map = new LinkedHashMap<>();
			super.getParameterMap().forEach((k, v) -> map.put(k, clean(v)));
			return map;
		}

		private static String[] clean(String[] values) {
			if (values == null) {
				return null;
			}
			String[] out = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				out[i] = RequestText.clean(values[i]);
			}
			return out;
		}
	}
}

package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The paging parameters of every list, checked once for all endpoints and pages before the handler runs:
 * {@code page} a whole number from 0 to {@value #MAX_PAGE}, {@code size} and {@code limit} from 0 (the list's default) to
 * {@value #MAX_SIZE}; anything else is a 400 with a field message (never an SQL offset overflow answered 409).
 */
@Component
@RequiredArgsConstructor
class PagingParameters implements HandlerInterceptor {

	static final int MAX_PAGE = 1_000_000;

	static final int MAX_SIZE = 10_000;

	private final FieldErrors fieldErrors;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		List<FieldError> errors = new ArrayList<>();
		check(request, "page", 0, MAX_PAGE, errors);
		check(request, "size", 0, MAX_SIZE, errors);
		check(request, "limit", 0, MAX_SIZE, errors);
		fieldErrors.failIfAny(errors);
		return true;
	}

	private static void check(HttpServletRequest request, String name, int min, int max, List<FieldError> errors) {
		String value = FieldErrors.trim(request.getParameter(name));
		if (value == null) {
			return;
		}
		try {
			int n = Integer.parseInt(value);
			if (n >= min && n <= max) {
				return;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		errors.add(new FieldError(name, "problems.range", min, max));
	}
}

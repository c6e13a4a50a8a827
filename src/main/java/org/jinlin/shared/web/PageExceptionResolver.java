package org.jinlin.shared.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error handling of every browser page: what a page does not turn into a field message itself
 * (a record outside the jurisdiction, a page for another role, a stale edit, a malformed parameter) becomes
 * the friendly error page with the right status: 404, 403, 409 or 400. No exception text, message or stack
 * trace is ever shown. The JSON API ({@code /api/**}, {@code /open311/**}) is left to
 * {@link ApiExceptionHandler}, and a controller's own {@code @ExceptionHandler} still comes first.
 */
@Component
class PageExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final Map<Class<?>, ExceptionHandlerMethodResolver> local = new ConcurrentHashMap<>();

	@Override
	public int getOrder() {
		// Before Spring MVC's own resolvers (order 0), after Spring Boot's error-attribute recorder.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		HttpStatus status = statusOf(ex);
		if (status == null || ApiExceptionHandler.isApi(request) || handlesItself(handler, ex)) {
			return null;
		}
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	static HttpStatus statusOf(Exception ex) {
		if (ex instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof ForbiddenException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof ValidationFailedException || ex instanceof MethodArgumentTypeMismatchException
				|| ex instanceof MissingServletRequestParameterException) {
			return HttpStatus.BAD_REQUEST;
		}
		return ClientErrors.statusOf(ex);
	}

	private boolean handlesItself(Object handler, Exception ex) {
		if (!(handler instanceof HandlerMethod method)) {
			return false;
		}
		return local.computeIfAbsent(method.getBeanType(), ExceptionHandlerMethodResolver::new).resolveMethod(ex) != null;
	}
}

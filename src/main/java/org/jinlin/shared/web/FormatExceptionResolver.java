package org.jinlin.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An exception raised before a handler was found (no such path, wrong method, an unreadable multipart body) under
 * a path with its own {@link ErrorFormat}: no advice of that module applies yet, so it is answered here, in that
 * format, instead of as problem+json.
 */
@Component
@RequiredArgsConstructor
class FormatExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(FormatExceptionResolver.class);

	private final ErrorResponses responses;

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 11;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (handler != null || path.startsWith("/api/") || !ApiExceptionHandler.isApi(request)) {
			return null;
		}
		HttpStatus status = ClientErrors.statusOf(ex);
		if (status == null && ex instanceof ErrorResponse framework) {
			status = HttpStatus.resolve(framework.getStatusCode().value());
		}
		if (status == null) {
			log.error("Unexpected error", ex);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		try {
			return responses.write(path, status, response) ? new ModelAndView() : null;
		}
		catch (IOException e) {
			return new ModelAndView();
		}
	}
}

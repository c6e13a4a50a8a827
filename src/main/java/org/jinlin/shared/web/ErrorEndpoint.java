package org.jinlin.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}, where the container forwards every error no handler answered (the firewall's refusals, an
 * exception thrown past the handlers, {@code sendError}): answered in the format of the original path through
 * {@link ErrorResponses}, the error page for pages. Client errors ({@link ClientErrors}) get their 4xx, not 500.
 */
@Controller
@RequiredArgsConstructor
class ErrorEndpoint implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

	private final ErrorResponses responses;

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? null : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		if (responses.write(path, status, response)) {
			return null;
		}
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	static HttpStatus status(HttpServletRequest request) {
		Object ex = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (ex instanceof Throwable t) {
			HttpStatus client = ClientErrors.statusOf(t);
			if (client != null) {
				log.debug("Client error: {}", ClientErrors.describe(t));
				return client;
			}
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}

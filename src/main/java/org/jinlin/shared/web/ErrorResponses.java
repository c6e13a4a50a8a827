package org.jinlin.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes an error answer in the format of where the request was sent, for errors no handler answered (the
 * container's, the security firewall's, the framework's before a handler was found): a module's own
 * {@link ErrorFormat} when one covers the path, RFC 9457 problem+json under {@code /api/}; for pages the caller
 * renders the error page.
 */
@Component
@RequiredArgsConstructor
public class ErrorResponses {

	private final List<ErrorFormat> formats;

	/** Writes the answer and returns true, or returns false when the path is a page's. */
	public boolean write(String path, HttpStatus status, HttpServletResponse response) throws IOException {
		String p = path == null ? "" : path;
		String description = description(status);
		for (ErrorFormat format : formats) {
			if (format.covers(p)) {
				format.write(p, status, description, response);
				return true;
			}
		}
		if (p.startsWith("/api/")) {
			writeProblem(response, status, description);
			return true;
		}
		return false;
	}

	static String description(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> ClientErrors.detail(status);
			case CONTENT_TOO_LARGE -> ClientErrors.detail(status);
			case NOT_FOUND -> "No such resource.";
			case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
			case UNAUTHORIZED -> "Sign in or send valid credentials.";
			case FORBIDDEN -> "You are not allowed to do this.";
			case INTERNAL_SERVER_ERROR -> "An unexpected error occurred.";
			default -> status.getReasonPhrase();
		};
	}

	static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		byte[] body = ("{\"type\":\"" + ApiExceptionHandler.TYPE_BASE.resolve(type(status)) + "\",\"title\":\""
				+ status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static String type(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "bad-request";
			case CONTENT_TOO_LARGE -> "too-large";
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case UNAUTHORIZED -> "unauthorized";
			case INTERNAL_SERVER_ERROR -> "internal";
			default -> "http-" + status.value();
		};
	}
}

package org.jinlin.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * The error format of a part of the site with its own (the Open311 API's error list, …): a module declares one as a
 * bean, and every error under its paths — from a handler, the framework, the security firewall or the container —
 * is written in it. Paths not claimed get problem+json under {@code /api/} and the error page otherwise.
 */
public interface ErrorFormat {

	/** Whether errors of this path (without the context path) are written in this format. */
	boolean covers(String path);

	/** Writes the error: status, content type and body. */
	void write(String path, HttpStatus status, String description, HttpServletResponse response) throws IOException;
}

package org.jinlin.demands.web.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An Open311 error: an HTTP status and one or more descriptions, rendered as {@code [{code, description}]}. */
public class Open311Exception extends RuntimeException {

	private final HttpStatus status;

	private final List<String> descriptions;

	Open311Exception(HttpStatus status, String description) {
		this(status, List.of(description));
	}

	Open311Exception(HttpStatus status, List<String> descriptions) {
		super(String.join("; ", descriptions));
		this.status = status;
		this.descriptions = List.copyOf(descriptions);
	}

	static Open311Exception badRequest(String description) {
		return new Open311Exception(HttpStatus.BAD_REQUEST, description);
	}

	static Open311Exception notFound(String description) {
		return new Open311Exception(HttpStatus.NOT_FOUND, description);
	}

	HttpStatus status() {
		return status;
	}

	List<String> descriptions() {
		return descriptions;
	}
}

package org.jinlin.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Service-layer validation failure with field-level messages; 400 in the API,
 * field messages in the UI.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST) // the browser UI renders the friendly error page
public class ValidationFailedException extends RuntimeException {

	private final List<Map<String, String>> errors;

	public ValidationFailedException(String message, List<Map<String, String>> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	public static ValidationFailedException field(String field, String message) {
		return new ValidationFailedException(message, List.of(Map.of("field", field, "message", message)));
	}

	public List<Map<String, String>> errors() {
		return errors;
	}
}

package org.jinlin.shared.web;

import java.util.List;
import java.util.Map;

/**
 * Service-layer validation failure with field-level messages; 400 in the API,
 * field messages in the UI.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
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

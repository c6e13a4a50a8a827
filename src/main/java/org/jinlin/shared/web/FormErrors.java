package org.jinlin.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field messages for a form page: a {@link ValidationFailedException}'s errors grouped by field, in the
 * order they came, under the key the templates read ({@code errors}); messages without a field go under
 * {@link #GLOBAL}. Each module's templates show them next to the fields.
 */
public final class FormErrors {

	/** The key of the messages that belong to no single field. */
	public static final String GLOBAL = "_global";

	private FormErrors() {
	}

	/** The messages of the exception, by field. */
	public static Map<String, List<String>> of(ValidationFailedException e) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Map<String, String> m : e.errors()) {
			errors.computeIfAbsent(m.getOrDefault("field", GLOBAL), k -> new ArrayList<>()).add(m.get("message"));
		}
		return errors;
	}

	/** One message for the whole form. */
	public static Map<String, List<String>> global(String message) {
		return Map.of(GLOBAL, List.of(message));
	}
}

package org.jinlin.shared;

/** The actor is known but lacks the role or jurisdiction for this action. Rendered as 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}

package org.jinlin.shared;

/**
 * Thrown when a record does not exist, or exists outside the caller's jurisdiction
 * (the two are deliberately indistinguishable). Rendered as 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}

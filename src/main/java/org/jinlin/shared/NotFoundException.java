package org.jinlin.shared;

/**
 * Thrown when a record does not exist, or exists outside the caller's jurisdiction
 * (the two are deliberately indistinguishable). Rendered as 404.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}

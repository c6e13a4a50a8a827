package org.jinlin.shared;

/** The actor is known but lacks the role or jurisdiction for this action. Rendered as 403. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}

package org.jinlin.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The actor is known but lacks the role or jurisdiction for this action. Rendered as 403. */
@ResponseStatus(HttpStatus.FORBIDDEN) // the browser UI renders the friendly error page
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}
}

package org.jinlin.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a record does not exist, or exists outside the caller's jurisdiction
 * (the two are deliberately indistinguishable). Rendered as 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND) // the browser UI renders the friendly error page
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}
}

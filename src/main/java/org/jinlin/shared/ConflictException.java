package org.jinlin.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request that conflicts with the current state (duplicate, illegal transition, stale version). Rendered as 409. */
@ResponseStatus(HttpStatus.CONFLICT) // the browser UI renders the friendly error page
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}

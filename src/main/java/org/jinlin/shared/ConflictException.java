package org.jinlin.shared;

/** A request that conflicts with the current state (duplicate, illegal transition, stale version). Rendered as 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}

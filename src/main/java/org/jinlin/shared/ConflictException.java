package org.jinlin.shared;

/** A request that conflicts with the current state (duplicate, illegal transition, stale version). Rendered as 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}
}

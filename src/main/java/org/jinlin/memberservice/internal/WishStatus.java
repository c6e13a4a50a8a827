package org.jinlin.memberservice.internal;

import org.jinlin.shared.ConflictException;

/**
 * The life of a micro-wish: OPEN → CLAIMED → DELIVERED → CONFIRMED; a claim may be released (back to OPEN) and an
 * open wish cancelled. Every other move is refused with a 409 and a message saying why.
 */
public enum WishStatus {
	OPEN, CLAIMED, DELIVERED, CONFIRMED, CANCELLED;

	/** What can be done to a wish. */
	public enum Action {
		CLAIM, RELEASE, DELIVER, CONFIRM, CANCEL
	}

	/** The state after {@code action}, or a {@link ConflictException} when the action is not allowed now. */
	public WishStatus after(Action action) {
		WishStatus next = switch (action) {
			case CLAIM -> this == OPEN ? CLAIMED : null;
			case RELEASE -> this == CLAIMED ? OPEN : null;
			case DELIVER -> this == CLAIMED ? DELIVERED : null;
			case CONFIRM -> this == DELIVERED ? CONFIRMED : null;
			case CANCEL -> this == OPEN ? CANCELLED : null;
		};
		if (next == null) {
			throw new ConflictException(message(action));
		}
		return next;
	}

	public boolean allows(Action action) {
		try {
			after(action);
			return true;
		}
		catch (ConflictException e) {
			return false;
		}
	}

	private String message(Action action) {
		return switch (action) {
			case CLAIM -> "Only an open wish can be claimed; this wish is " + this;
			case RELEASE -> "Only a claimed, not yet delivered wish can be released; this wish is " + this;
			case DELIVER -> "Only a claimed wish can be reported as delivered; this wish is " + this;
			case CONFIRM -> "Only a delivered wish can be confirmed; this wish is " + this;
			case CANCEL -> "Only an open wish can be cancelled; this wish is " + this;
		};
	}
}

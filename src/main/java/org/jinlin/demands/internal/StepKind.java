package org.jinlin.demands.internal;

/** Kinds of timeline steps. */
public enum StepKind {
	RAISED, DISPATCHED, SIGNED_FOR, CLAIMED, RETURNED, RETURN_OVERRULED, EXTENSION_REQUESTED, EXTENSION_APPROVED,
	EXTENSION_REJECTED, SUPERVISED, NOTE, RESOLVED, RATED, FOLLOW_UP_CALL, REWORK, ESCALATED, CLOSED, MERGED,
	MARKED_PUBLIC_MATTER, MEETING_RECORDED, DECISION_PUBLISHED;

	/** Steps shown on the public board even without a public note. */
	public boolean alwaysPublic() {
		return switch (this) {
			case RAISED, DISPATCHED, SIGNED_FOR, CLAIMED, RESOLVED, RATED, REWORK, ESCALATED, CLOSED, MERGED,
					MARKED_PUBLIC_MATTER, DECISION_PUBLISHED -> true;
			default -> false;
		};
	}
}

package org.jinlin.demands;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a demand stands in the closed loop. The allowed moves are the rule; a command that asks
 * for any other move is refused with a conflict (409).
 */
public enum DemandStatus {

	/** A public matter of its community, being deliberated before handling starts. */
	DELIBERATING,
	/** Sent to a handling unit, waiting to be signed for. */
	DISPATCHED,
	/** Returned by the handling unit with a reason; the dispatcher re-dispatches or overrules. */
	RETURNED,
	/** Signed for and being handled (also after an unsatisfied rating sends it back for rework). */
	IN_PROGRESS,
	/** Handled and replied to; waiting for the resident's rating. */
	RESOLVED,
	/** Rated, or the rating window ended. */
	CLOSED,
	/** A duplicate, merged into another demand. */
	MERGED;

	/** Open demands still need someone to act. */
	public boolean isOpen() {
		return this != CLOSED && this != MERGED;
	}

	/** Whether the public status (Open311) is {@code open}. */
	public boolean isPubliclyOpen() {
		return this != RESOLVED && isOpen();
	}

	public Set<DemandStatus> next() {
		return switch (this) {
			case DELIBERATING -> EnumSet.of(DISPATCHED, MERGED);
			case DISPATCHED -> EnumSet.of(IN_PROGRESS, RETURNED, DISPATCHED, DELIBERATING, MERGED);
			case RETURNED -> EnumSet.of(DISPATCHED, MERGED);
			case IN_PROGRESS -> EnumSet.of(RESOLVED, DISPATCHED, DELIBERATING);
			case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
			case CLOSED, MERGED -> EnumSet.noneOf(DemandStatus.class);
		};
	}

	public boolean canMoveTo(DemandStatus target) {
		return next().contains(target);
	}
}

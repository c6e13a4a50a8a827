package org.jinlin.publiclog.internal;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;

/** The log's permission rules: everything is public except its status, which staff see. */
public final class LogAccess {

	private LogAccess() {
	}

	public static boolean canSeeStatus(Actor actor) {
		return actor != null && actor.isStaff();
	}

	public static void requireStaff() {
		if (!canSeeStatus(CurrentActor.require())) {
			throw new ForbiddenException("Staff only");
		}
	}
}

package org.jinlin.quality.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;

/**
 * Who may see the indicators: staff, each for their jurisdiction (a territory outside it is not found); never a
 * resident or an API key. The service, the pages and the navigation apply this same rule.
 */
public final class QualityAccess {

	private QualityAccess() {
	}

	public static boolean canRead(Actor actor) {
		return !actor.isApiKey() && AccessRules.staff(actor);
	}

	static Actor requireReader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see the indicators");
		}
		return actor;
	}
}

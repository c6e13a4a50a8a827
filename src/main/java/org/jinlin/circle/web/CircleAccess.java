package org.jinlin.circle.web;

import java.util.function.Predicate;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * Who may see and steer the coverage, built from the shared {@link AccessRules}: staff read; street officials and
 * above (and administrators) request a re-run, which is city-wide work; city officials and administrators replace
 * the walking network. The pages, the API and the navigation apply these same rules.
 */
final class CircleAccess {

	private CircleAccess() {
	}

	static boolean canRead(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** Re-runs are city-wide work: street officials and above, and administrators. */
	static boolean mayRequestRun(Actor actor) {
		return AccessRules.anyOf(Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR)
			.test(actor);
	}

	/** Replacing the walking network: administrators and city officials. */
	static boolean mayManageNetwork(Actor actor) {
		return AccessRules.anyOf(Role.CITY_OFFICIAL, Role.ADMINISTRATOR).test(actor);
	}

	/** Staff only. */
	static Actor staff() {
		return AccessRules.require(CircleAccess::canRead, "Staff only");
	}

	static Actor runRequester() {
		return also(staff(), CircleAccess::mayRequestRun, "Street officials and above request coverage runs");
	}

	static Actor networkManager() {
		return also(staff(), CircleAccess::mayManageNetwork, "Administrators and city officials replace the walking network");
	}

	private static Actor also(Actor actor, Predicate<Actor> rule, String reason) {
		if (!rule.test(actor)) {
			throw new ForbiddenException(reason);
		}
		return actor;
	}
}

package org.jinlin.circle.facilities;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/**
 * Who may do what in the circle's facility registry, built from the shared {@link AccessRules}: staff read (inside
 * their jurisdiction); register keepers (community workers up to the city and administrators, not API keys) write
 * there; city officials and administrators (not API keys) edit the category catalogue.
 */
final class CircleFacilityAccess {

	/** The summary message of the registry's field errors. */
	static final String INVALID = "circlefacilities.error.invalid";

	private CircleFacilityAccess() {
	}

	static boolean canRead(Actor actor) {
		return AccessRules.staff(actor);
	}

	static boolean canWrite(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	static boolean canEditCategories(Actor actor) {
		return !actor.isApiKey() && AccessRules.anyOf(Role.CITY_OFFICIAL, Role.ADMINISTRATOR).test(actor);
	}

	static Actor reader() {
		return AccessRules.require(CircleFacilityAccess::canRead, "Only staff see the facility registry");
	}

	static Actor writer() {
		return AccessRules.require(CircleFacilityAccess::canWrite,
				"Only community workers, officials and administrators change the facility registry");
	}

	static Actor categoryEditor() {
		return AccessRules.require(CircleFacilityAccess::canEditCategories,
				"Only city officials and administrators edit the facility categories");
	}
}

package org.jinlin.shared;

import java.util.function.Predicate;

/**
 * The permission rules most modules share, named once so services, pages and the navigation apply the same
 * rule. A module with rules of its own keeps them in its own {@code *Access} class, built from these.
 */
public final class AccessRules {

	private AccessRules() {
	}

	/** Staff read the records of their jurisdiction: grid workers up to the city and administrators. */
	public static boolean staff(Actor actor) {
		return actor.isStaff();
	}

	/** Staff who keep registers: community workers up to the city and administrators, never an API key. */
	public static boolean registerKeeper(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	/** Any of the roles. */
	public static Predicate<Actor> anyOf(Role... roles) {
		return actor -> actor.hasAny(roles);
	}

	/** Staff, or any of the roles. */
	public static Predicate<Actor> staffOr(Role... roles) {
		return actor -> actor.isStaff() || actor.hasAny(roles);
	}

	/** Everyone signed in. */
	public static boolean anyone(Actor actor) {
		return true;
	}

	/** The current actor if the rule admits it, else {@link ForbiddenException} with the reason. */
	public static Actor require(Predicate<Actor> rule, String reason) {
		Actor actor = CurrentActor.require();
		if (!rule.test(actor)) {
			throw new ForbiddenException(reason);
		}
		return actor;
	}
}

package org.jinlin.territory.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/** The territory's permission rules: the services, the pages and the navigation apply these. */
public final class TerritoryAccess {

	private TerritoryAccess() {
	}

	/** Staff browse and export the tree of their jurisdiction. */
	public static boolean browse(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** Administrators and city officials import territory nodes. */
	public static boolean importNodes(Actor actor) {
		return AccessRules.anyOf(Role.ADMINISTRATOR, Role.CITY_OFFICIAL).test(actor);
	}
}

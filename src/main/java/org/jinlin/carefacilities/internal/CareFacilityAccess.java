package org.jinlin.carefacilities.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;

/**
 * Who may do what with the care facilities: staff read the facilities of their jurisdiction; community workers,
 * street, district and city officials and administrators (not API keys) change them there. The services, the
 * pages and the navigation apply these same rules.
 */
public final class CareFacilityAccess {

	private CareFacilityAccess() {
	}

	public static boolean canRead(Actor actor) {
		return AccessRules.staff(actor);
	}

	public static boolean canWrite(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	/** The current actor if staff, else 403. */
	public static Actor reader() {
		return AccessRules.require(CareFacilityAccess::canRead, "Only staff see the care facilities");
	}

	/** The current actor if a register keeper, else 403. */
	public static Actor writer() {
		return AccessRules.require(CareFacilityAccess::canWrite,
				"Only community workers, officials and administrators change the facility registry");
	}
}

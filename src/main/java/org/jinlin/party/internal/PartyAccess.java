package org.jinlin.party.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;

/**
 * Who may do what with party records: staff read what lies in their jurisdiction (404 outside); community workers,
 * officials and administrators write there; everyone else (residents, volunteers, party members) gets 403. Services,
 * pages and the navigation apply these same rules.
 */
public final class PartyAccess {

	private PartyAccess() {
	}

	/** Staff read party records. */
	public static boolean reader(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** Register keepers change them. */
	public static boolean writer(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	public static Actor requireReader() {
		return AccessRules.require(PartyAccess::reader, "Only staff see party organisations");
	}

	public static Actor requireWriter() {
		Actor actor = requireReader();
		if (!writer(actor)) {
			throw new ForbiddenException("Only community workers, officials and administrators change party records");
		}
		return actor;
	}
}

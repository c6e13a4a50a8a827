package org.jinlin.spaces.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;

/**
 * Who may do what with the spaces: every signed-in account (not an API key) reads the spaces and books under each
 * space's rules; staff of a community run its bookings (approve, check in, book on someone's behalf, see the
 * bookings); community workers and up edit its spaces, zones and rules. The services, pages and navigation apply
 * these same rules; the jurisdiction (the community inside the actor's) is checked by the services.
 */
public final class SpaceAccess {

	private SpaceAccess() {
	}

	public static boolean canBook(Actor actor) {
		return !actor.isApiKey();
	}

	public static boolean canRun(Actor actor) {
		return !actor.isApiKey() && AccessRules.staff(actor);
	}

	public static boolean canEdit(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	/** The current actor if a signed-in account, else 403. */
	public static Actor booker() {
		return AccessRules.require(SpaceAccess::canBook, "Only signed-in accounts use the spaces");
	}

	/** The current actor if staff, else 403. */
	public static Actor runner() {
		return AccessRules.require(SpaceAccess::canRun, "Only staff run the bookings of a space");
	}

	/** The current actor if a register keeper, else 403. */
	public static Actor editor() {
		return AccessRules.require(SpaceAccess::canEdit,
				"Only community workers, officials and administrators edit the spaces");
	}
}

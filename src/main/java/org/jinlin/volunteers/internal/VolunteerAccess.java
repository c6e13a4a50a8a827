package org.jinlin.volunteers.internal;

import java.util.function.Predicate;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;

/**
 * Who may do what with volunteers: everyone signed in sees published activities, registers and signs up; organisers
 * (community workers and above) create and run activities of their jurisdiction; staff keep the
 * registry. Services, pages and the navigation apply these same rules.
 */
public final class VolunteerAccess {

	private VolunteerAccess() {
	}

	/** Everyone signed in: the activity list, registration, sign-up. */
	public static boolean participant(Actor actor) {
		return AccessRules.anyone(actor);
	}

	private static final Predicate<Actor> ORGANISER = AccessRules.anyOf(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL,
			Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR);

	/** Organisers (community workers, officials, administrators) create, publish and run activities. */
	public static boolean organiser(Actor actor) {
		return ORGANISER.test(actor);
	}

	/** An organiser whose jurisdiction covers the activity. */
	public static boolean organises(Actor actor, ActivityView a) {
		return organiser(actor) && actor.covers(a.territoryPath());
	}

	/** Staff read the registry of their jurisdiction. */
	public static boolean registryReader(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** The current actor if an organiser, else 403. */
	public static Actor requireOrganiser() {
		return AccessRules.require(VolunteerAccess::organiser, "Organisers only");
	}

	/** The current actor if staff, else 403. */
	public static Actor requireStaff() {
		return AccessRules.require(VolunteerAccess::registryReader, "Staff only");
	}
}

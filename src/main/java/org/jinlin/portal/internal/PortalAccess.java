package org.jinlin.portal.internal;

import java.util.EnumSet;
import java.util.Set;

import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/** The portal's permission rule: who may narrow the UI to part of their jurisdiction. */
public final class PortalAccess {

	/** Roles that work above a single community and may narrow their view. */
	public static final Set<Role> OFFICIALS = EnumSet.of(Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
			Role.CITY_OFFICIAL, Role.ADMINISTRATOR);

	private PortalAccess() {
	}

	/** Officials above a community (never an API key) pick a jurisdiction to focus on. */
	public static boolean pickJurisdiction(Actor actor) {
		return !actor.isApiKey() && actor.roles().stream().anyMatch(OFFICIALS::contains);
	}
}

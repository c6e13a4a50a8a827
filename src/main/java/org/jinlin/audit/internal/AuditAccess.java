package org.jinlin.audit.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/** The audit log's permission rule; the service, the pages and the navigation apply it. */
public final class AuditAccess {

	private AuditAccess() {
	}

	/** Administrators and city and district officials read the audit log of their jurisdiction (never an API key). */
	public static boolean read(Actor actor) {
		return !actor.isApiKey()
				&& AccessRules.anyOf(Role.ADMINISTRATOR, Role.CITY_OFFICIAL, Role.DISTRICT_OFFICIAL).test(actor);
	}
}

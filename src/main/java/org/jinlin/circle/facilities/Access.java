package org.jinlin.circle.facilities;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * Who may do what in the registry: staff read (inside their jurisdiction); community workers, street, district and
 * city officials and administrators write (inside their jurisdiction; not API keys); city officials and
 * administrators edit the category catalogue.
 */
final class Access {

	private Access() {
	}

	static boolean canRead(Actor actor) {
		return actor.isStaff();
	}

	static boolean canWrite(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static boolean canEditCategories(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static Actor reader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see the facility registry");
		}
		return actor;
	}

	static Actor writer() {
		Actor actor = CurrentActor.require();
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only community workers, officials and administrators change the facility registry");
		}
		return actor;
	}

	static Actor categoryEditor() {
		Actor actor = CurrentActor.require();
		if (!canEditCategories(actor)) {
			throw new ForbiddenException("Only city officials and administrators edit the facility categories");
		}
		return actor;
	}
}

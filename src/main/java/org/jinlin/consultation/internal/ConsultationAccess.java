package org.jinlin.consultation.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/**
 * Who may do what in consultation: community workers and administrators run it in their jurisdiction (fix topics,
 * record stages, publish); street, district and city officials and grid workers read it there; residents take
 * part in their own community's (propose, support, vote, rate). The services, pages and navigation apply these rules;
 * the community of a resident is checked by {@link ConsultationScope}.
 */
public final class ConsultationAccess {

	private ConsultationAccess() {
	}

	public static boolean canRead(Actor actor) {
		return AccessRules.staff(actor) || canTakePart(actor);
	}

	public static boolean canManage(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.ADMINISTRATOR);
	}

	/** Residents with a record in the register take part in their community's consultation. */
	public static boolean canTakePart(Actor actor) {
		return !actor.isApiKey() && !actor.isStaff() && actor.has(Role.RESIDENT) && actor.residentId() != null;
	}

	public static Actor reader() {
		return AccessRules.require(ConsultationAccess::canRead, "Only staff and residents see consultation");
	}

	public static Actor manager() {
		return AccessRules.require(ConsultationAccess::canManage,
				"Only community workers and administrators run a consultation");
	}

	/** Staff of any level read the figures and indicators of their jurisdiction. */
	public static boolean canReadFigures(Actor actor) {
		return AccessRules.staff(actor);
	}

	public static Actor figureReader() {
		return AccessRules.require(ConsultationAccess::canReadFigures, "Only staff read the consultation figures");
	}

	public static Actor participant() {
		return AccessRules.require(ConsultationAccess::canTakePart,
				"Only residents of the community propose, support, vote and rate");
	}
}

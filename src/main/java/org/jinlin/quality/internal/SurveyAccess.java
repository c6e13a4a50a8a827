package org.jinlin.quality.internal;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * Who may do what with the satisfaction surveys: staff read them and enter answers taken on the phone, each for the
 * surveys of their jurisdiction; community workers and officials build, open, close them and draw the sample; a
 * resident answers her own invitations. Never an API key. Services, pages and the navigation apply these rules.
 */
public final class SurveyAccess {

	private SurveyAccess() {
	}

	public static boolean canRead(Actor actor) {
		return QualityAccess.canRead(actor);
	}

	public static boolean canManage(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	/** A resident with her register record answers her own invitations. */
	public static boolean canAnswer(Actor actor) {
		return !actor.isApiKey() && actor.residentId() != null;
	}

	static Actor requireReader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see the surveys");
		}
		return actor;
	}

	static Actor requireManager() {
		Actor actor = requireReader();
		if (!canManage(actor)) {
			throw new ForbiddenException("Only community workers and officials build surveys");
		}
		return actor;
	}
}

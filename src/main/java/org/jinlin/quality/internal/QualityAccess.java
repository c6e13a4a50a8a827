package org.jinlin.quality.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * Who may see the indicators: staff, each for their jurisdiction (a territory outside it is not found); never a
 * resident or an API key. The service, the pages and the navigation apply this same rule.
 */
public final class QualityAccess {

	private QualityAccess() {
	}

	public static boolean canRead(Actor actor) {
		return !actor.isApiKey() && AccessRules.staff(actor);
	}

	/** Certification: the checklist is edited, and assessments reviewed, by district and city officials. */
	public static boolean canReviewCertification(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	/** Certification: a community's workers assess their community themselves (and administrators). */
	public static boolean canSelfAssess(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.ADMINISTRATOR);
	}

	static Actor requireCertificationReviewer() {
		Actor actor = requireReader();
		if (!canReviewCertification(actor)) {
			throw new ForbiddenException("Only district and city officials review certification");
		}
		return actor;
	}

	static Actor requireSelfAssessor() {
		Actor actor = requireReader();
		if (!canSelfAssess(actor)) {
			throw new ForbiddenException("Only the community's workers assess it");
		}
		return actor;
	}

	/**
	 * Officials set targets: street, district and city officials and administrators, for territories in their
	 * jurisdiction; the platform-wide plan only at the city (city officials, administrators).
	 */
	public static boolean canSetTargets(Actor actor) {
		return !actor.isApiKey()
				&& actor.hasAny(Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static boolean canSetPlan(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static Actor requireTargetSetter() {
		Actor actor = requireReader();
		if (!canSetTargets(actor)) {
			throw new ForbiddenException("Only officials set targets");
		}
		return actor;
	}

	static Actor requireReader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see the indicators");
		}
		return actor;
	}
}

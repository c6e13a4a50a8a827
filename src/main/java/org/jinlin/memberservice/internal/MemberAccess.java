package org.jinlin.memberservice.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;

/**
 * Who may do what in member service. Staff read their jurisdiction; community workers and up publish and record
 * for a community; party members register themselves; residents post wishes; members and volunteers claim them.
 * The services, the pages and the navigation apply these same rules.
 */
public final class MemberAccess {

	private MemberAccess() {
	}

	/** Staff of a jurisdiction, signed in (never an API key): the staff's registrations page. */
	public static boolean staff(Actor actor) {
		return actor.isStaff() && !actor.isApiKey();
	}

	/** Staff who publish and record for a community: community workers and up (not grid workers). */
	public static boolean communityStaff(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	/** A party member: her own registration page. */
	public static boolean member(Actor actor) {
		return actor.has(Role.PARTY_MEMBER);
	}

	/** Members and volunteers claim wishes for themselves. */
	public static boolean claimer(Actor actor) {
		return actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER);
	}

	/** A resident who is not staff posts wishes for herself. */
	public static boolean resident(Actor actor) {
		return actor.has(Role.RESIDENT) && !actor.isStaff();
	}

	/** Who sees micro-wishes: staff, residents, members and volunteers, signed in. */
	public static boolean wishReader(Actor actor) {
		return !actor.isApiKey() && (actor.isStaff() || actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER, Role.RESIDENT));
	}

	/** Everyone signed in sees the wishes page (it explains itself to those who may not post or claim). */
	public static boolean anyone(Actor actor) {
		return true;
	}

	static Actor requireStaff(Actor actor) {
		if (!staff(actor)) {
			throw new ForbiddenException("Community staff only");
		}
		return actor;
	}

	static Actor requireCommunityStaff(Actor actor) {
		if (!communityStaff(actor)) {
			throw new ForbiddenException("Community workers and their superiors only");
		}
		return actor;
	}

	/** Another jurisdiction's record answers 404, as if it did not exist. */
	static void requireCovers(Actor actor, String path) {
		if (!actor.covers(path)) {
			throw new NotFoundException("Not in your jurisdiction");
		}
	}

	/** Staff whose jurisdiction covers the path. */
	static boolean staffOver(Actor actor, String path) {
		return actor.isStaff() && actor.covers(path);
	}
}

package org.jinlin.people.internal;

import java.util.Set;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * The register's permission rules; the services, the pages and the navigation apply these.
 * <ul>
 * <li>staff (grid and community workers, street/district/city officials, administrators) read residents whose
 * building lies in their subtree; a resident reads only their own record; READ and INTEGRATION API keys read
 * masked rows of their subtree; volunteers, canteen operators and other keys get 403;</li>
 * <li>only grid workers, community workers and administrators write, and only for buildings in their subtree;</li>
 * <li>only staff see full personal data (audited) and export.</li>
 * </ul>
 */
public final class ResidentAccess {

	/** API key purposes that may read the (masked) register. */
	private static final Set<String> READING_KEYS = Set.of("READ", "INTEGRATION");

	private ResidentAccess() {
	}

	/** Grid workers, community workers and administrators change the register. */
	public static boolean write(Actor actor) {
		return AccessRules.anyOf(Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR).test(actor);
	}

	/** Staff open the register's pages, reveal full personal data and export. */
	public static boolean staff(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** The current actor if it may change the register, else 403. */
	public static Actor requireWriter() {
		return requireWriter("Only grid workers, community workers and administrators change the register");
	}

	/** The current actor if it may change the register, else 403 with this reason. */
	public static Actor requireWriter(String reason) {
		return AccessRules.require(ResidentAccess::write, reason);
	}

	/** 403 unless the actor may change the register. */
	public static void checkWriter(Actor actor) {
		if (!write(actor)) {
			throw new ForbiddenException("Only grid workers, community workers and administrators change the register");
		}
	}

	/** What rows the actor may read: staff their subtree, a resident only their own record; others 403. */
	public static ResidentRepository.Scope scope(Actor actor) {
		if (actor.isStaff()) {
			return ResidentRepository.Scope.subtree(actor.jurisdiction().likePattern());
		}
		if (actor.has(Role.RESIDENT)) {
			return ResidentRepository.Scope.own(actor.residentId());
		}
		if (actor.isApiKey() && READING_KEYS.contains(actor.apiKeyPurpose())) {
			// READ and INTEGRATION keys read masked rows of their jurisdiction; they never write or reveal.
			return ResidentRepository.Scope.subtree(actor.jurisdiction().likePattern());
		}
		throw new ForbiddenException("No access to the resident register");
	}
}

package org.jinlin.eldercare.internal;

import java.util.List;
import java.util.Set;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;

/**
 * The elderly register's permission rules, for the services, the pages and the navigation alike:
 * <ul>
 * <li>staff (grid and community workers, street/district/city officials, administrators) see active elders whose
 * building lies in their subtree; READ and INTEGRATION API keys read the masked lists of their subtree;</li>
 * <li>a volunteer or party-member buddy sees the elders whose care circle they belong to;</li>
 * <li>everybody else gets 403; an elder outside what the caller may see is 404;</li>
 * <li>grid workers, community workers and administrators change profiles and record assessments; they and the
 * elder's buddy record visits.</li>
 * </ul>
 */
public final class ElderAccess {

	private static final Set<String> READING_KEYS = Set.of("READ", "INTEGRATION");

	private ElderAccess() {
	}

	/** What the actor may see: a subtree (staff, reading keys) or its own care circle (buddies). */
	public record Scope(String pathPattern, String circleMember) {

		boolean allows(ElderRepository.Stored e, List<ElderRepository.Carer> carers) {
			return pathPattern != null ? e.territoryPath().startsWith(pathPattern.substring(0, pathPattern.length() - 1))
					: carers.stream().anyMatch(c -> c.username().equals(circleMember));
		}
	}

	/** The actor's scope, or 403 for an actor who may see no elders. */
	static Scope scope(Actor actor) {
		if (actor.isStaff()) {
			return new Scope(actor.jurisdiction().likePattern(), null);
		}
		if (actor.isApiKey() && READING_KEYS.contains(actor.apiKeyPurpose())) {
			return new Scope(actor.jurisdiction().likePattern(), null);
		}
		if (actor.has(Role.VOLUNTEER) && !actor.isApiKey()) {
			return new Scope(null, actor.name());
		}
		throw new ForbiddenException("No access to the elderly register");
	}

	/** The register's pages in the menu: staff. */
	public static boolean register(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** Changing profiles and recording assessments. */
	public static boolean canWrite(Actor actor) {
		return actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR) && !actor.isApiKey();
	}

	static void requireWriter(Actor actor) {
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only grid workers, community workers and administrators change the elderly register");
		}
	}
}

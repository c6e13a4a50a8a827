package org.jinlin.demands.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The demands' permission rules, used by the services, the pages and the navigation alike: who sees a demand
 * (404 otherwise), who handles, supervises and dispatches it, who deliberates (403 otherwise).
 */
@Component
@RequiredArgsConstructor
public class DemandAccess {

	private final DemandRepository repository;

	private final ResidentRegister residents;

	// ------------------------------------------------------------------ by role (the navigation too)

	/** The work queue: staff, and volunteers or party members a demand may be assigned to. */
	public static boolean queue(Actor actor) {
		return AccessRules.staffOr(Role.VOLUNTEER, Role.PARTY_MEMBER).test(actor);
	}

	/** The measures, search and export: staff. */
	public static boolean measures(Actor actor) {
		return AccessRules.staff(actor);
	}

	/** Raising in the app and "my demands": residents. */
	public static boolean resident(Actor actor) {
		return AccessRules.anyOf(Role.RESIDENT).test(actor);
	}

	/** Dispatchers by role: community workers and officials above them. */
	public static boolean dispatcher(Actor actor) {
		return actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL,
				Role.ADMINISTRATOR);
	}

	// ------------------------------------------------------------------ by demand

	/** Whether the actor may see the demand at all. */
	public boolean canSee(Actor actor, DemandView d) {
		if (actor.isStaff() || actor.isApiKey()) {
			if (actor.covers(d.territoryPath())) {
				return true;
			}
			String handler = repository.handlerPath(d.id());
			if (handler != null && actor.covers(handler)) {
				return true;
			}
			String escalated = repository.escalatedPath(d.id());
			if (escalated != null && actor.covers(escalated)) {
				return true;
			}
		}
		if (actor.name().equals(d.assignee()) || actor.name().equals(d.raisedBy())) {
			return true;
		}
		if (actor.residentId() != null && actor.residentId().equals(d.residentId())) {
			return true;
		}
		// Residents see the public matters of their own community, to deliberate on them.
		return d.publicMatter() && actor.residentId() != null
				&& residentCommunity(actor).map(c -> c.equals(d.communityId())).orElse(false);
	}

	/** The demand if the actor may see it, else 404. */
	public DemandView visible(Actor actor, long id) {
		return repository.find(id).filter(d -> canSee(actor, d))
			.orElseThrow(() -> new NotFoundException("No demand " + id));
	}

	/** The handling unit's staff, a superior of it, or the assigned person. */
	void requireHandler(Actor actor, DemandView d) {
		if (actor.name().equals(d.assignee())) {
			return;
		}
		String handler = repository.handlerPath(d.id());
		if (!actor.isStaff() || handler == null || !actor.covers(handler)) {
			throw new ForbiddenException("Only the handling unit may do this");
		}
	}

	/** Staff above the handling unit (a community over its grids, a street over its communities, ...). */
	void requireSuperior(Actor actor, DemandView d) {
		String handler = repository.handlerPath(d.id());
		if (!actor.isStaff() || handler == null || !actor.covers(handler) || actor.territoryPath().equals(handler)) {
			throw new ForbiddenException("Only a superior of the handling unit may do this");
		}
	}

	/** Dispatchers: community workers and officials above them, over the demand's place. */
	void requireDispatcher(Actor actor, DemandView d) {
		if (!dispatcher(actor) || !actor.covers(d.territoryPath())) {
			throw new ForbiddenException("Only a dispatcher of the demand's area may do this");
		}
	}

	/** Staff of the demand's area (follow-up calls, calling a resident back). */
	void requireAreaStaff(Actor actor, DemandView d, String reason) {
		if (!actor.isStaff() || !actor.covers(d.territoryPath())) {
			throw new ForbiddenException(reason);
		}
	}

	void requireCommunityResident(Actor actor, DemandView d) {
		if (actor.isStaff() || residentCommunity(actor).map(c -> !c.equals(d.communityId())).orElse(true)) {
			throw new ForbiddenException("Only residents of the community take part in its deliberation");
		}
	}

	Optional<Long> residentCommunity(Actor actor) {
		return resident(actor.residentId()).map(ResidentView::communityId);
	}

	Optional<String> residentName(Actor actor) {
		return resident(actor.residentId()).map(ResidentView::name);
	}

	/** A resident by id, empty when there is none (or no id). */
	Optional<ResidentView> resident(Long residentId) {
		if (residentId == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(residents.find(residentId));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}
}

package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.blankToNull;
import static org.jinlin.demands.internal.DemandChecks.conflict;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.demands.DemandDispatched;
import org.jinlin.demands.DemandSignedFor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a demand goes and who holds it: the handling unit by the category's rule or a dispatcher's choice, a
 * fresh sign-for deadline when it is sent, a handling deadline when it is signed for. Raising, handling and
 * deliberating all send demands through here, inside their own transactions.
 */
@Component
@RequiredArgsConstructor
class DemandRouting {

	/** A handling unit as resolved from a rule or a dispatcher's choice. */
	record Target(HandlingLevel level, long nodeId, Long departmentId, String path, String name, String assignee) {
	}

	private final DemandRepository repository;

	private final DemandCategories categories;

	private final DemandDeadlines deadlines;

	private final DemandTimers timers;

	private final DemandNotifications notifications;

	private final Territories territories;

	private final AccountManagement accounts;

	private final DemandChecks checks;

	private final ApplicationEventPublisher events;

	/** The unit the category's rule names for the demand's place. */
	Target defaultTarget(DemandCategory category, DemandView d) {
		return switch (category.handlingLevel()) {
			case GRID -> d.gridId() != null ? nodeTarget(HandlingLevel.GRID, d.gridId())
					: communityOrStreet(d);
			case COMMUNITY -> communityOrStreet(d);
			case STREET -> nodeTarget(HandlingLevel.STREET, d.streetId());
			case DISTRICT -> nodeTarget(HandlingLevel.DISTRICT, d.districtId());
			case DEPARTMENT -> categories.department(category.departmentId())
				.map(dep -> new Target(HandlingLevel.DEPARTMENT, dep.territoryId(), dep.id(), dep.territoryPath(), dep.name(), null))
				.orElseGet(() -> nodeTarget(HandlingLevel.DISTRICT, d.districtId()));
		};
	}

	/** Sends the demand by its category's rule. */
	void routeByRule(DemandView d, String by, Set<DemandStatus> from) {
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		route(d, defaultTarget(category, d), by, StepKind.DISPATCHED, null, from);
	}

	/** The demand's community; the street office for a demand waiting at the street to be located. */
	private Target communityOrStreet(DemandView d) {
		return d.communityId() != null ? nodeTarget(HandlingLevel.COMMUNITY, d.communityId())
				: nodeTarget(HandlingLevel.STREET, d.streetId());
	}

	private Target nodeTarget(HandlingLevel level, long nodeId) {
		TerritoryNode node = territories.lookup(nodeId).orElseThrow();
		return new Target(level, node.id(), null, node.path(), node.name(), null);
	}

	static HandlingLevel levelOf(TerritoryNode node) {
		return switch (node.level()) {
			case GRID -> HandlingLevel.GRID;
			case COMMUNITY -> HandlingLevel.COMMUNITY;
			case STREET -> HandlingLevel.STREET;
			default -> HandlingLevel.DISTRICT;
		};
	}

	/** Sends a demand to a unit with a fresh sign-for deadline. */
	void route(DemandView d, Target t, String by, StepKind kind, String note, Set<DemandStatus> from) {
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		int seq = repository.deadlineSeq(d.id());
		Instant now = Instant.now();
		Instant signDue = deadlines.signDue(now, category, repository.urgent(d.id()));
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.DISPATCHED);
		set.put("handler_level", t.level());
		set.put("handler_node_id", t.nodeId());
		set.put("handler_department_id", t.departmentId());
		set.put("handler_path", t.path());
		set.put("handler_name", t.name());
		set.put("assignee", t.assignee());
		set.put("sign_due_at", signDue);
		set.put("handle_due_at", null);
		set.put("signed_at", null);
		set.put("deadline_seq", seq + 1);
		set.put("dispatched_at", now);
		move(d, from, seq, set);
		repository.addStep(d.id(), kind, by, d.status(), DemandStatus.DISPATCHED, null, note, t.name());
		timers.deadline(d.id(), seq + 1, "SIGN", signDue);
		if (t.assignee() != null) {
			notifications.toAccount(t.assignee(), d.id(), NotificationKind.NEW_IN_QUEUE);
		}
		else {
			notifications.toNode(t.nodeId(), d.id(), NotificationKind.NEW_IN_QUEUE);
		}
		events.publishEvent(new DemandDispatched(d.id(), d.territoryPath(), t.level(), t.nodeId(), t.departmentId(),
				t.assignee(), now));
	}

	/** The unit or person a dispatcher named: exactly one of a territory, a department or an account she covers. */
	Target resolve(Actor actor, DemandView d, DispatchTarget target) {
		int given = (blankToNull(target.territoryCode()) != null ? 1 : 0)
				+ (blankToNull(target.departmentCode()) != null ? 1 : 0) + (blankToNull(target.assignee()) != null ? 1 : 0);
		if (given != 1) {
			throw checks.invalid("target", "demands.dispatch.one-target");
		}
		if (blankToNull(target.territoryCode()) != null) {
			TerritoryNode node = territories.lookupByCode(target.territoryCode().strip())
				.filter(n -> actor.covers(n.path()))
				.filter(n -> n.level().ordinal() >= TerritoryLevel.DISTRICT.ordinal()
						&& n.level().ordinal() <= TerritoryLevel.GRID.ordinal())
				.orElseThrow(() -> checks.invalid("territoryCode", "demands.dispatch.unknown-unit"));
			return new Target(levelOf(node), node.id(), null, node.path(), node.name(), null);
		}
		if (blankToNull(target.departmentCode()) != null) {
			Department dep = categories.departments().stream().filter(x -> x.code().equals(target.departmentCode().strip()))
				.filter(x -> actor.covers(x.territoryPath()) || x.territoryPath().startsWith(actor.territoryPath())
						|| actor.territoryPath().startsWith(x.territoryPath()))
				.findFirst().orElseThrow(() -> checks.invalid("departmentCode", "demands.dispatch.unknown-unit"));
			return new Target(HandlingLevel.DEPARTMENT, dep.territoryId(), dep.id(), dep.territoryPath(), dep.name(), null);
		}
		AccountManagement.AccountReference account = accounts.lookup(target.assignee())
			.filter(a -> actor.covers(a.territoryPath()) || a.territoryPath().startsWith(actor.territoryPath()))
			.orElseThrow(() -> checks.invalid("assignee", "demands.dispatch.unknown-account"));
		// The unit stays the community (public) — the street for a demand still to be located; the person is the
		// assignee (never shown publicly).
		Target unit = communityOrStreet(d);
		return new Target(unit.level(), unit.nodeId(), null, unit.path(), unit.name(), account.username());
	}

	/** The unit signs for a dispatched demand (or a grid worker claims it, with {@code extra} columns). */
	DemandView sign(Actor actor, DemandView d, StepKind kind, Map<String, Object> extra) {
		if (d.status() != DemandStatus.DISPATCHED) {
			throw conflict(d.id());
		}
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		int seq = repository.deadlineSeq(d.id());
		Instant now = Instant.now();
		Instant handleDue = deadlines.handleDue(now, category, repository.urgent(d.id()));
		boolean onTime = d.signDueAt() == null || !now.isAfter(d.signDueAt());
		Map<String, Object> set = new LinkedHashMap<>();
		if (extra != null) {
			set.putAll(extra);
		}
		set.put("status", DemandStatus.IN_PROGRESS);
		set.put("assignee", d.assignee() != null ? d.assignee() : actor.name());
		set.put("signed_at", now);
		// Once late, a demand stays late in the measures, even if an escalation gave it a new deadline.
		set.put("signed_on_time", d.escalationCount() == 0 && onTime);
		set.put("handle_due_at", handleDue);
		set.put("deadline_seq", seq + 1);
		move(d, EnumSet.of(DemandStatus.DISPATCHED), seq, set);
		repository.addStep(d.id(), kind, actor.name(), DemandStatus.DISPATCHED, DemandStatus.IN_PROGRESS, null, null,
				(String) set.getOrDefault("handler_name", d.handlerName()));
		timers.deadline(d.id(), seq + 1, "HANDLE", handleDue);
		events.publishEvent(new DemandSignedFor(d.id(), d.territoryPath(), actor.name(), onTime, now));
		return repository.find(d.id()).orElseThrow();
	}

	/** Changes the demand if it is still where the caller saw it, else 409. */
	void move(DemandView d, Set<DemandStatus> from, int seq, Map<String, Object> set) {
		if (!repository.update(d.id(), from, seq, set)) {
			throw conflict(d.id());
		}
	}
}

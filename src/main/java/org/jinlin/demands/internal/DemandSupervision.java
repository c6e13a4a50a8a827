package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.conflict;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandClosed;
import org.jinlin.demands.DemandEscalated;
import org.jinlin.demands.DemandStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervising demands from above: a superior supervises (督办) and decides extension requests; the timers
 * escalate a demand one level up when a deadline passes, and close it when its rating window ends unrated.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandSupervision {

	private final DemandRepository repository;

	private final DemandRouting routing;

	private final DemandAccess access;

	private final DemandCategories categories;

	private final DemandDeadlines deadlines;

	private final DemandTimers timers;

	private final DemandNotifications notifications;

	private final Territories territories;

	private final DemandChecks checks;

	private final ApplicationEventPublisher events;

	/** A superior supervises (督办) an open demand with an instruction. */
	public DemandView supervise(long id, String instruction) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireSuperior(actor, d);
		if (!d.status().isOpen() || d.status() == DemandStatus.RESOLVED) {
			throw conflict(id);
		}
		String text = checks.required(instruction, "instruction");
		int seq = repository.deadlineSeq(id);
		routing.move(d, EnumSet.of(d.status()), seq, Map.of("supervised", true));
		repository.addStep(id, StepKind.SUPERVISED, actor.name(), null, null, null, text, null);
		notifications.toNode(d.handlerNodeId(), id, NotificationKind.SUPERVISED);
		notifications.toAccount(d.assignee(), id, NotificationKind.SUPERVISED);
		return repository.find(id).orElseThrow();
	}

	/** A superior approves or rejects the pending extension request. */
	public DemandView decideExtension(long id, boolean approve, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireSuperior(actor, d);
		Extension pending = repository.extensions(id).stream().filter(e -> "PENDING".equals(e.status())).findFirst()
			.orElseThrow(() -> new ConflictException("No extension request is waiting"));
		Instant now = Instant.now();
		if (!repository.decideExtension(pending.id(), approve, actor.name(), now)) {
			throw new ConflictException("The request was decided meanwhile");
		}
		if (approve) {
			if (d.status() != DemandStatus.IN_PROGRESS) {
				throw conflict(id);
			}
			int seq = repository.deadlineSeq(id);
			Instant base = d.handleDueAt() != null && d.handleDueAt().isAfter(now) ? d.handleDueAt() : now;
			Instant due = deadlines.addWorkingDays(base, pending.workingDays());
			Map<String, Object> set = new LinkedHashMap<>();
			set.put("handle_due_at", due);
			set.put("deadline_seq", seq + 1);
			routing.move(d, EnumSet.of(DemandStatus.IN_PROGRESS), seq, set);
			timers.deadline(id, seq + 1, "HANDLE", due);
		}
		repository.addStep(id, approve ? StepKind.EXTENSION_APPROVED : StepKind.EXTENSION_REJECTED, actor.name(), null,
				null, null, checks.trim(note, "note"), null);
		notifications.toAccount(pending.requestedBy(), id, NotificationKind.EXTENSION_DECIDED);
		return repository.find(id).orElseThrow();
	}

	/** A deadline timer fired: if the deadline it was set for still stands, escalate one level up. */
	void deadlinePassed(DemandTimers.Due due) {
		Optional<DemandView> found = repository.find(due.demandId());
		if (found.isEmpty()) {
			return;
		}
		DemandView d = found.get();
		int seq = repository.deadlineSeq(d.id());
		boolean sign = "SIGN".equals(due.kind());
		if (seq != due.seq() || d.status() != (sign ? DemandStatus.DISPATCHED : DemandStatus.IN_PROGRESS)) {
			return;
		}
		Long fromId = d.escalatedNodeId() != null ? d.escalatedNodeId() : d.handlerNodeId();
		TerritoryNode from = fromId == null ? null : territories.lookup(fromId).orElse(null);
		TerritoryNode to = from != null && from.level().ordinal() > TerritoryLevel.DISTRICT.ordinal() && from.parentId() != null
				? territories.lookup(from.parentId()).orElse(from) : from;
		if (to == null) {
			return;
		}
		boolean top = to.level().ordinal() <= TerritoryLevel.DISTRICT.ordinal();
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		Instant now = Instant.now();
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("escalation_count", d.escalationCount() + 1);
		set.put("escalated_node_id", to.id());
		set.put("escalated_path", to.path());
		set.put("deadline_seq", seq + 1);
		Instant next;
		Optional<UrgentAnswer> urgent = repository.urgent(d.id());
		if (sign) {
			next = deadlines.signDue(now, category, urgent);
			set.put("handler_level", DemandRouting.levelOf(to));
			set.put("handler_node_id", to.id());
			set.put("handler_department_id", null);
			set.put("handler_path", to.path());
			set.put("handler_name", to.name());
			set.put("assignee", null);
			set.put("sign_due_at", next);
		}
		else {
			next = deadlines.handleDue(now, category, urgent);
			set.put("supervised", true);
			set.put("handle_due_at", next);
		}
		if (!repository.update(d.id(), EnumSet.of(d.status()), seq, set)) {
			return;
		}
		repository.addStep(d.id(), StepKind.ESCALATED, "system", d.status(), d.status(), null, due.kind(), to.name());
		boolean alreadyAtTop = from.id() == to.id();
		if (!alreadyAtTop || !top) {
			timers.deadline(d.id(), seq + 1, due.kind(), next);
		}
		notifications.toNode(to.id(), d.id(), NotificationKind.ESCALATED);
		events.publishEvent(new DemandEscalated(d.id(), d.territoryPath(), to.id(), d.escalationCount() + 1, due.kind(), now));
	}

	/** The rating window ended without a rating: the demand closes. */
	void evaluationWindowEnded(DemandTimers.Due due) {
		Optional<DemandView> found = repository.find(due.demandId());
		if (found.isEmpty()) {
			return;
		}
		DemandView d = found.get();
		int seq = repository.deadlineSeq(d.id());
		if (seq != due.seq() || d.status() != DemandStatus.RESOLVED) {
			return;
		}
		Instant now = Instant.now();
		if (!repository.update(d.id(), EnumSet.of(DemandStatus.RESOLVED), seq,
				Map.of("status", DemandStatus.CLOSED, "closed_at", now, "deadline_seq", seq + 1))) {
			return;
		}
		repository.addStep(d.id(), StepKind.CLOSED, "system", DemandStatus.RESOLVED, DemandStatus.CLOSED, null, null, null);
		events.publishEvent(new DemandClosed(d.id(), d.territoryPath(), d.communityId(), d.residentId(), null, true, now, d.assignee(),
				d.categoryCode(), d.outcome(), d.raisedAt(), d.resolvedAt()));
	}
}

package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandResolved;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling a demand (理事): a dispatcher sends it on, merges a duplicate or settles a return; the handling unit
 * signs for it (or a grid worker claims it), returns it, asks for more time, notes progress and resolves it.
 * Each command checks who may do it (403), whether the demand is visible (404) and moves it with a conditional
 * update from the expected status (409 otherwise), so two workers signing at once cannot both win.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandHandling {

	private final DemandRepository repository;

	private final DemandRouting routing;

	private final DemandAccess access;

	private final DemandDeadlines deadlines;

	private final DemandTimers timers;

	private final DemandNotifications notifications;

	private final Territories territories;

	private final DemandChecks checks;

	private final DemandLocator locator;

	private final ApplicationEventPublisher events;

	/** A dispatcher sends a demand to another unit or person (also to settle a return). */
	public DemandView dispatch(long id, DispatchTarget target, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		DemandRouting.Target t = routing.resolve(actor, d, target);
		routing.route(d, t, actor.name(), StepKind.DISPATCHED, checks.trim(note, "note"),
				EnumSet.of(DemandStatus.DISPATCHED, DemandStatus.RETURNED, DemandStatus.IN_PROGRESS));
		return repository.find(id).orElseThrow();
	}

	/**
	 * A dispatcher places a demand that came without a usable place (an Open311 address that matched nothing): at
	 * a community, grid, compound or building by its code, or at a point. A demand that waited at the street for
	 * this and is not yet signed for goes on to the unit its category's rule names for the new place.
	 */
	public DemandView locate(long id, String territoryCode, Double latitude, Double longitude, String addressLabel) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		if (!d.status().isOpen()) {
			throw conflict(id);
		}
		Long nodeId = null;
		String code = territoryCode == null ? null : territoryCode.strip();
		if (code != null && !code.isEmpty()) {
			nodeId = territories.lookupByCode(code).map(TerritoryNode::id)
				.orElseThrow(() -> checks.invalid("territoryCode", "demands.location.unknown"));
		}
		else if (latitude == null || longitude == null) {
			throw checks.invalid("territoryCode", "demands.location.required");
		}
		String label = checks.trim(addressLabel, "addressLabel");
		DemandLocator.Location at = locator.locate(nodeId, nodeId == null ? latitude : null, nodeId == null ? longitude : null,
				label != null ? label : d.addressLabel());
		if (!actor.covers(at.path())) {
			throw checks.invalid("territoryCode", "demands.location.outside-jurisdiction");
		}
		boolean waitedAtStreet = d.communityId() == null;
		repository.relocate(id, at);
		repository.addStep(id, StepKind.LOCATED, actor.name(), d.status(), d.status(), null, null, d.handlerName());
		DemandView placed = repository.find(id).orElseThrow();
		if (waitedAtStreet && d.status() == DemandStatus.DISPATCHED && d.handlerLevel() == HandlingLevel.STREET
				&& d.assignee() == null) {
			routing.routeByRule(placed, actor.name(), EnumSet.of(DemandStatus.DISPATCHED));
		}
		return repository.find(id).orElseThrow();
	}

	/** The handling unit signs for a demand (签收); only one signer wins. */
	public DemandView signFor(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireHandler(actor, d);
		return routing.sign(actor, d, StepKind.SIGNED_FOR, null);
	}

	/** A grid worker claims a demand located in her own grid (front-line handling), and signs for it. */
	public DemandView claim(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		if (!actor.has(Role.GRID_WORKER) || d.gridId() == null || d.gridId() != actor.territoryId()) {
			throw new ForbiddenException("Only the grid worker of the demand's grid may claim it");
		}
		TerritoryNode grid = territories.lookup(d.gridId()).orElseThrow();
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("handler_level", HandlingLevel.GRID);
		extra.put("handler_node_id", grid.id());
		extra.put("handler_department_id", null);
		extra.put("handler_path", grid.path());
		extra.put("handler_name", grid.name());
		extra.put("assignee", actor.name());
		return routing.sign(actor, d, StepKind.CLAIMED, extra);
	}

	/** The handling unit returns a demand it should not have got, with the reason. */
	public DemandView returnToDispatcher(long id, ReturnReason reason, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireHandler(actor, d);
		if (reason == null) {
			throw checks.invalid("reason", "demands.return.reason.required");
		}
		String text = checks.required(note, "note");
		int seq = repository.deadlineSeq(id);
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.RETURNED);
		set.put("deadline_seq", seq + 1);
		routing.move(d, EnumSet.of(DemandStatus.DISPATCHED), seq, set);
		repository.addStep(id, StepKind.RETURNED, actor.name(), d.status(), DemandStatus.RETURNED, null,
				reason.name() + ": " + text, d.handlerName());
		notifications.toNode(dispatcherNode(d), id, NotificationKind.RETURNED);
		return repository.find(id).orElseThrow();
	}

	/** Where a returned demand goes: the community of its place, or the district above a street or district handler. */
	private static Long dispatcherNode(DemandView d) {
		if (d.handlerLevel() == HandlingLevel.GRID || d.handlerLevel() == HandlingLevel.COMMUNITY) {
			return d.communityId() != null ? d.communityId() : d.streetId();
		}
		return d.districtId();
	}

	/** The dispatcher refuses a return: the same unit gets the demand back with a fresh deadline. */
	public DemandView overruleReturn(long id, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireDispatcher(actor, d);
		if (d.status() != DemandStatus.RETURNED) {
			throw conflict(id);
		}
		DemandRouting.Target same = new DemandRouting.Target(d.handlerLevel(), d.handlerNodeId(), d.handlerDepartmentId(),
				repository.handlerPath(id), d.handlerName(), d.assignee());
		routing.route(d, same, actor.name(), StepKind.RETURN_OVERRULED, checks.required(note, "note"),
				EnumSet.of(DemandStatus.RETURNED));
		return repository.find(id).orElseThrow();
	}

	/** The handler asks for more time; a superior decides. */
	public DemandView requestExtension(long id, int workingDays, String reason) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireHandler(actor, d);
		if (d.status() != DemandStatus.IN_PROGRESS) {
			throw conflict(id);
		}
		if (workingDays < 1 || workingDays > 30) {
			throw checks.invalid("workingDays", "demands.extension.days", 1, 30);
		}
		String text = checks.required(reason, "reason");
		if (repository.pendingExtensions(id) > 0) {
			throw new ConflictException("An extension request is already waiting for a decision");
		}
		repository.insertExtension(id, actor.name(), Instant.now(), workingDays, text);
		repository.addStep(id, StepKind.EXTENSION_REQUESTED, actor.name(), null, null, null,
				workingDays + ": " + text, d.handlerName());
		notifications.toNode(superiorNode(d), id, NotificationKind.EXTENSION_REQUESTED);
		return repository.find(id).orElseThrow();
	}

	private Long superiorNode(DemandView d) {
		return d.handlerNodeId() == null ? null
				: territories.lookup(d.handlerNodeId()).map(TerritoryNode::parentId).orElse(null);
	}

	/** Pending and decided extension requests of a demand. */
	@Transactional(readOnly = true)
	public List<Extension> extensions(long id) {
		access.visible(CurrentActor.require(), id);
		return repository.extensions(id);
	}

	/** A handling note, optionally with a public part and photos taken on site. */
	public DemandView addNote(long id, String note, String publicNote, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireHandler(actor, d);
		if (!d.status().isOpen()) {
			throw conflict(id);
		}
		List<FieldError> problems = new ArrayList<>();
		DemandChecks.checkPhotos(photos, problems);
		checks.failIfAny(problems);
		String internal = checks.trim(note, "note");
		String shown = checks.trim(publicNote, "publicNote");
		if (internal == null && shown == null && (photos == null || photos.isEmpty())) {
			throw checks.invalid("note", "demands.note.required");
		}
		for (PhotoUpload p : DemandChecks.orNone(photos)) {
			repository.addPhoto(id, "AFTER", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.NOTE, actor.name(), null, null, shown, internal, d.handlerName());
		return repository.find(id).orElseThrow();
	}

	/**
	 * On a demand raised with an urgent answer, staff who called the resident confirm that help is on the way: a
	 * public step on the timeline and a notice to the resident. Once only (409 after that, or on a demand that is
	 * not urgent or no longer open).
	 */
	public DemandView confirmHelp(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff confirm that help is on the way");
		}
		if (!d.status().isPubliclyOpen() || repository.urgent(id).isEmpty()
				|| !repository.addStepOnce(id, StepKind.HELP_CONFIRMED, actor.name(), d.handlerName())) {
			throw conflict(id);
		}
		if (!d.raisedBy().startsWith("apikey:")) {
			notifications.toAccount(d.raisedBy(), id, NotificationKind.HELP_CONFIRMED);
		}
		return repository.find(id).orElseThrow();
	}

	/** Handling is done: the outcome, the reply to the resident (shown publicly) and after-photos. */
	public DemandView resolve(long id, Outcome outcome, String reply, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireHandler(actor, d);
		List<FieldError> problems = new ArrayList<>();
		if (outcome == null) {
			problems.add(new FieldError("outcome", "demands.resolve.outcome.required"));
		}
		if (reply == null || reply.isBlank()) {
			problems.add(new FieldError("reply", "demands.resolve.reply.required"));
		}
		else if (reply.strip().length() > DemandChecks.NOTE_MAX) {
			problems.add(new FieldError("reply", "demands.note.too-long", DemandChecks.NOTE_MAX));
		}
		DemandChecks.checkPhotos(photos, problems);
		checks.failIfAny(problems);
		if (d.status() != DemandStatus.IN_PROGRESS) {
			throw conflict(id);
		}
		int seq = repository.deadlineSeq(id);
		Instant now = Instant.now();
		Instant until = deadlines.evaluationCloses(now);
		boolean onTime = d.handleDueAt() == null || !now.isAfter(d.handleDueAt());
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.RESOLVED);
		set.put("resolved_at", now);
		set.put("resolved_on_time", onTime);
		set.put("outcome", outcome);
		set.put("evaluate_until", until);
		set.put("deadline_seq", seq + 1);
		routing.move(d, EnumSet.of(DemandStatus.IN_PROGRESS), seq, set);
		for (PhotoUpload p : DemandChecks.orNone(photos)) {
			repository.addPhoto(id, "AFTER", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.RESOLVED, actor.name(), DemandStatus.IN_PROGRESS, DemandStatus.RESOLVED,
				reply.strip(), null, d.handlerName());
		timers.evaluation(id, seq + 1, until);
		if (!d.raisedBy().startsWith("apikey:")) {
			notifications.toAccount(d.raisedBy(), id, NotificationKind.RESOLVED);
		}
		events.publishEvent(new DemandResolved(id, d.territoryPath(), outcome, onTime, now));
		return repository.find(id).orElseThrow();
	}

	/** A dispatcher merges a duplicate into another open demand. */
	public DemandView merge(long id, long intoId, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		DemandView into = access.visible(actor, intoId);
		access.requireDispatcher(actor, d);
		if (id == intoId || !into.status().isOpen() || into.mergedIntoId() != null) {
			throw checks.invalid("intoId", "demands.merge.target");
		}
		int seq = repository.deadlineSeq(id);
		Map<String, Object> set = new HashMap<>();
		set.put("status", DemandStatus.MERGED);
		set.put("merged_into_id", intoId);
		set.put("closed_at", Instant.now());
		set.put("deadline_seq", seq + 1);
		routing.move(d, EnumSet.of(DemandStatus.DELIBERATING, DemandStatus.DISPATCHED, DemandStatus.RETURNED,
				DemandStatus.IN_PROGRESS), seq, set);
		repository.addStep(id, StepKind.MERGED, actor.name(), d.status(), DemandStatus.MERGED, "#" + intoId,
				checks.trim(note, "note"), null);
		repository.addStep(intoId, StepKind.NOTE, actor.name(), null, null, null, "merged #" + id, null);
		if (!d.raisedBy().startsWith("apikey:")) {
			notifications.toAccount(d.raisedBy(), id, NotificationKind.CLOSED);
		}
		return repository.find(id).orElseThrow();
	}
}

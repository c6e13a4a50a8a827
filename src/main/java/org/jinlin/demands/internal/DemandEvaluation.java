package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandChecks.conflict;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandClosed;
import org.jinlin.demands.DemandRated;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.Rating;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluating a resolved demand (评事): the resident rates it in the app, or staff record the rating of a
 * follow-up call. A satisfied rating closes the demand; an unsatisfied one sends it back for rework.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class DemandEvaluation {

	private final DemandRepository repository;

	private final DemandRouting routing;

	private final DemandAccess access;

	private final DemandCategories categories;

	private final DemandDeadlines deadlines;

	private final DemandTimers timers;

	private final DemandNotifications notifications;

	private final DemandChecks checks;

	private final ApplicationEventPublisher events;

	/** The resident who raised the demand rates the result, within the rating window. */
	public DemandView rate(long id, Rating rating, String comment) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		boolean raiser = actor.name().equals(d.raisedBy())
				|| (actor.residentId() != null && actor.residentId().equals(d.residentId()));
		if (!raiser || actor.isStaff()) {
			throw new ForbiddenException("Only the resident who raised the demand rates it");
		}
		return evaluate(actor, d, rating, comment, "APP");
	}

	/** Staff record the rating given on a follow-up call (回访) to a resident who does not use the app. */
	public DemandView recordFollowUp(long id, Rating rating, String comment) {
		Actor actor = CurrentActor.require();
		DemandView d = access.visible(actor, id);
		access.requireAreaStaff(actor, d, "Only staff of the demand's area record follow-up calls");
		return evaluate(actor, d, rating, comment, "FOLLOW_UP_CALL");
	}

	private DemandView evaluate(Actor actor, DemandView d, Rating rating, String comment, String channel) {
		if (rating == null) {
			throw checks.invalid("rating", "demands.rating.required");
		}
		String text = checks.trim(comment, "comment");
		if (d.status() != DemandStatus.RESOLVED) {
			throw conflict(d.id());
		}
		Instant now = Instant.now();
		if (d.evaluateUntil() != null && now.isAfter(d.evaluateUntil())) {
			throw new ConflictException("The rating window has ended");
		}
		int seq = repository.deadlineSeq(d.id());
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("rating", rating);
		set.put("deadline_seq", seq + 1);
		if (rating == Rating.UNSATISFIED) {
			DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
			Instant due = deadlines.due(now, category.handleDeadline(), category.handleDeadlineUnit());
			set.put("status", DemandStatus.IN_PROGRESS);
			set.put("rework_count", d.reworkCount() + 1);
			set.put("handle_due_at", due);
			set.put("resolved_at", null);
			set.put("evaluate_until", null);
			routing.move(d, EnumSet.of(DemandStatus.RESOLVED), seq, set);
			repository.insertRating(d.id(), rating, text, channel, actor.name(), now);
			repository.addStep(d.id(), StepKind.RATED, actor.name(), null, null, null, text, null);
			repository.addStep(d.id(), StepKind.REWORK, actor.name(), DemandStatus.RESOLVED, DemandStatus.IN_PROGRESS,
					null, null, d.handlerName());
			timers.deadline(d.id(), seq + 1, "HANDLE", due);
			notifications.toNode(d.handlerNodeId(), d.id(), NotificationKind.REWORK);
			notifications.toAccount(d.assignee(), d.id(), NotificationKind.REWORK);
			events.publishEvent(new DemandRated(d.id(), d.territoryPath(), rating, channel, d.reworkCount() + 1, now));
		}
		else {
			set.put("status", DemandStatus.CLOSED);
			set.put("closed_at", now);
			routing.move(d, EnumSet.of(DemandStatus.RESOLVED), seq, set);
			repository.insertRating(d.id(), rating, text, channel, actor.name(), now);
			repository.addStep(d.id(), StepKind.RATED, actor.name(), DemandStatus.RESOLVED, DemandStatus.CLOSED, null,
					text, null);
			notifications.toNode(d.handlerNodeId(), d.id(), NotificationKind.RATED);
			events.publishEvent(new DemandRated(d.id(), d.territoryPath(), rating, channel, d.reworkCount(), now));
			events.publishEvent(new DemandClosed(d.id(), d.territoryPath(), d.communityId(), d.residentId(), rating, false, now,
					d.assignee(), d.categoryCode(), d.outcome(), d.raisedAt(), d.resolvedAt()));
		}
		return repository.find(d.id()).orElseThrow();
	}
}

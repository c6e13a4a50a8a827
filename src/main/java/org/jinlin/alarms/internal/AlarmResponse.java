package org.jinlin.alarms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmAcknowledged;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.alarms.AlarmResolved;
import org.jinlin.alarms.ResponderArrived;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.FieldErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responder's steps: acknowledge, en route, arrive, resolve, and the family calls. Every step is a conditional
 * update from the statuses it may start from, so two responders acknowledging at once cannot both win (the loser
 * gets 409 naming who took it).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class AlarmResponse {

	private final AlarmRepository repository;

	private final AlarmQueries queries;

	private final AlarmTimers timers;

	private final FieldErrors errors;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.alarms.arrival-deadline:PT30M}")
	private final Duration arrivalDeadline;

	private final Clock clock = Clock.systemUTC();

	/** The caller takes the alarm. Only one responder can: the others get 409 naming who did. */
	public AlarmView acknowledge(long id) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = queries.visibleRow(actor, id);
		AlarmAccess.requireResponder(actor, a.path(), repository.inChain(a.id(), actor.name()));
		Instant now = clock.instant();
		String name = repository.displayName(a.id(), actor.name()).orElse(actor.name());
		if (repository.acknowledge(id, now, actor.name(), name) == 0) {
			AlarmRepository.AlarmRow current = repository.row(id);
			throw new ConflictException(current.responderName() != null
					? errors.message("alarms.conflict.taken", current.responderName())
					: conflict(current));
		}
		AlarmRepository.AlarmRow after = repository.row(id);
		repository.step(id, now, "ACKNOWLEDGED", actor.name(), null);
		repository.feed(id, a.path(), null, "ACKNOWLEDGED", now);
		timers.arrivalDeadline(id, after.timerSeq(), now.plus(arrivalDeadline));
		events.publishEvent(new AlarmAcknowledged(id, a.elderId(), a.path(), actor.name(), Duration.between(a.raisedAt(), now), now));
		return repository.view(id);
	}

	/** The responder who took the alarm is on the way. */
	public AlarmView enRoute(long id) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = taken(actor, id);
		Instant now = clock.instant();
		if (repository.enRoute(id, now) == 0) {
			throw new ConflictException(conflict(repository.row(id)));
		}
		repository.step(id, now, "EN_ROUTE", actor.name(), null);
		repository.feed(id, a.path(), null, "EN_ROUTE", now);
		return repository.view(id);
	}

	/** The responder who took the alarm confirms arrival at the elder's home. */
	public AlarmView arrive(long id) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = taken(actor, id);
		Instant now = clock.instant();
		if (repository.arrive(id, now) == 0) {
			throw new ConflictException(conflict(repository.row(id)));
		}
		repository.step(id, now, "ARRIVED", actor.name(), null);
		repository.feed(id, a.path(), null, "ARRIVED", now);
		events.publishEvent(new ResponderArrived(id, a.elderId(), a.path(), actor.name(), Duration.between(a.raisedAt(), now), now));
		return repository.view(id);
	}

	/**
	 * Closes the alarm with an outcome: the responder after arriving, or staff covering the elder at any time (a
	 * false alarm cleared by phone, say — then a note is required).
	 */
	public AlarmView resolve(long id, ResolveAlarm cmd) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = queries.visibleRow(actor, id);
		List<FieldError> problems = new ArrayList<>();
		AlarmOutcome outcome = AlarmInput.parse(AlarmOutcome.class, cmd.outcome(), "outcome", problems);
		String note = AlarmInput.note(cmd.note(), problems);
		boolean taker = actor.name().equals(a.responderUsername());
		boolean staff = actor.isStaff() && actor.covers(a.path());
		if (!taker && !staff) {
			throw new ForbiddenException("Only the responder or staff of the area close an alarm");
		}
		if (a.status() != AlarmStatus.ARRIVED && a.status().open() && note == null) {
			problems.add(new FieldError("note", "alarms.resolve.note-required"));
		}
		errors.failIfAny(AlarmInput.INVALID, problems);
		Instant now = clock.instant();
		if (repository.resolve(id, now, outcome, note) == 0) {
			throw new ConflictException(errors.message("alarms.conflict.status", "RESOLVED"));
		}
		repository.step(id, now, "RESOLVED", actor.name(), outcome.name() + (note == null ? "" : ": " + note));
		repository.feed(id, a.path(), null, "RESOLVED", now);
		events.publishEvent(new AlarmResolved(id, a.elderId(), a.path(), outcome, actor.name(), now));
		return repository.view(id);
	}

	/** Marks a family contact as reached or unreachable (the desk works through them by phone). */
	public AlarmView familyContacted(long id, int priority, boolean reached) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = queries.visibleRow(actor, id);
		if (!AlarmAccess.family(actor, a)) {
			throw new ForbiddenException("Only staff or the responder record family calls");
		}
		Instant now = clock.instant();
		if (repository.familyContacted(id, priority, reached, now, actor.name()) == 0) {
			throw new NotFoundException("No such contact");
		}
		repository.step(id, now, reached ? "FAMILY_REACHED" : "FAMILY_UNREACHABLE", actor.name(), Integer.toString(priority));
		return repository.view(id);
	}

	/** The alarm, if the caller is the responder who took it. */
	private AlarmRepository.AlarmRow taken(Actor actor, long id) {
		AlarmRepository.AlarmRow a = queries.visibleRow(actor, id);
		AlarmAccess.requireTaker(actor, a, conflict(a));
		return a;
	}

	private String conflict(AlarmRepository.AlarmRow a) {
		return errors.message("alarms.conflict.status", a.status().name());
	}
}

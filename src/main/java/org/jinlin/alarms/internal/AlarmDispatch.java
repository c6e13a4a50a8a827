package org.jinlin.alarms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmEscalated;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dispatch chain and its escalation: who is asked for a new alarm, asking one stage, and what the persistent
 * timers do when nobody acknowledges or arrives in time. A timer made stale by a later step finds a newer
 * {@code timer_seq} and does nothing.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class AlarmDispatch {

	private final AlarmRepository repository;

	private final Territories territories;

	private final DutyRoster roster;

	private final AlarmTimers timers;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.alarms.ack-timeout:PT60S}")
	private final Duration ackTimeout;

	@Value("${jinlin.alarms.arrival-deadline:PT30M}")
	private final Duration arrivalDeadline;

	@Value("${jinlin.alarms.responders-first:2}")
	private final int respondersFirst;

	private final Clock clock = Clock.systemUTC();

	/** The chain for an elder now: the nearest on-duty responders, the community head, the street duty officer. */
	List<DispatchPolicy.Stage> chainFor(ElderLocation elder, Instant now) {
		TerritoryNode community = territories.lookup(elder.communityId()).orElse(null);
		if (community == null) {
			return List.of();
		}
		String streetPath = community.parentId() == null ? community.path()
				: territories.lookup(community.parentId()).map(TerritoryNode::path).orElse(community.path());
		return DispatchPolicy.chain(elder.territoryPath(), community.path(), streetPath, elder.latitude(),
				elder.longitude(), roster.around(streetPath, now), respondersFirst);
	}

	/** Asks the responder at {@code stage}: a feed row addressed to them and a step in the timeline. */
	String notifyStage(long alarmId, String path, int stage, Instant now) {
		AlarmRepository.Asked who = repository.asked(alarmId, stage);
		repository.markStageNotified(alarmId, stage, now);
		repository.feed(alarmId, path, who.username(), "ASKED", now);
		repository.step(alarmId, now, "NOTIFIED", "system", who.displayName());
		return who.username();
	}

	/** No acknowledgement in time: ask the next in the chain; past its end, ask everybody in it again. */
	void ackTimedOut(AlarmTimers.Due due) {
		Instant now = clock.instant();
		if (repository.advanceAckTimer(due.alarmId(), due.seq()) == 0) {
			return;
		}
		AlarmRepository.AlarmRow a = repository.row(due.alarmId());
		int stages = repository.stages(a.id());
		int next = a.stage() + 1;
		String asked;
		if (next < stages) {
			repository.escalateTo(a.id(), next, now);
			asked = notifyStage(a.id(), a.path(), next, now);
			repository.step(a.id(), now, "ESCALATED", "system", "ACK_TIMEOUT → " + asked);
		}
		else {
			// The end of the chain: everybody in it, and every desk of the area, is asked again until someone answers.
			for (int i = 0; i < stages; i++) {
				notifyStage(a.id(), a.path(), i, now);
			}
			asked = stages == 0 ? "desk" : "all";
			repository.step(a.id(), now, "STILL_UNACKNOWLEDGED", "system", null);
		}
		repository.feed(a.id(), a.path(), null, "ESCALATED", now);
		timers.ackTimeout(a.id(), a.timerSeq(), now.plus(ackTimeout));
		escalated(a, "ACK_TIMEOUT", asked, now);
	}

	/** Nobody arrived in time: flag it, ask the next in the chain (or all of it again), check again later. */
	void arrivalOverdue(AlarmTimers.Due due) {
		Instant now = clock.instant();
		if (repository.advanceArrivalTimer(due.alarmId(), due.seq()) == 0) {
			return;
		}
		AlarmRepository.AlarmRow a = repository.row(due.alarmId());
		int stages = repository.stages(a.id());
		String asked = "desk";
		// Above whoever was asked last: the head, then the street duty officer.
		int next = a.stage() + 1;
		if (next < stages) {
			repository.setStage(a.id(), next);
			asked = notifyStage(a.id(), a.path(), next, now);
		}
		else if (stages > 0) {
			asked = notifyStage(a.id(), a.path(), stages - 1, now);
		}
		repository.step(a.id(), now, "ARRIVAL_OVERDUE", "system", asked);
		repository.feed(a.id(), a.path(), null, "ARRIVAL_OVERDUE", now);
		timers.arrivalDeadline(a.id(), a.timerSeq(), now.plus(arrivalDeadline));
		escalated(a, "ARRIVAL_OVERDUE", asked, now);
	}

	private void escalated(AlarmRepository.AlarmRow a, String reason, String asked, Instant now) {
		AlarmRepository.AlarmRow after = repository.row(a.id());
		events.publishEvent(new AlarmEscalated(a.id(), a.elderId(), a.path(), after.escalationLevel(), reason, asked, now));
	}
}

package org.jinlin.alarms.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live desk's queries, scoped to the caller: one alarm, the open queue, recently resolved alarms, the elder's
 * own alarms, family notices and the live feed. Also decides whether the caller may see an alarm at all, for the
 * other services.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class AlarmQueries {

	private final AlarmRepository repository;

	private final ElderRegister elders;

	@Value("${jinlin.alarms.ack-timeout:PT60S}")
	private final Duration ackTimeout;

	@Value("${jinlin.alarms.arrival-deadline:PT30M}")
	private final Duration arrivalDeadline;

	public Duration ackTimeout() {
		return ackTimeout;
	}

	public Duration arrivalDeadline() {
		return arrivalDeadline;
	}

	/** One alarm, if the caller may see it (404 otherwise). */
	public AlarmView find(long id) {
		Actor actor = CurrentActor.require();
		visibleRow(actor, id);
		return repository.view(id);
	}

	/** Open alarms the caller may see (jurisdiction, or in the chain), oldest first. */
	public List<AlarmView> open() {
		Actor actor = CurrentActor.require();
		AlarmAccess.requireReader(actor);
		return views(repository.openIds(actor.isStaff() || actor.isApiKey(), actor.jurisdiction().likePattern(), actor.name()));
	}

	/** Recently resolved alarms the caller may see, newest first. */
	public List<AlarmView> recentlyResolved(int limit) {
		Actor actor = CurrentActor.require();
		AlarmAccess.requireReader(actor);
		return views(repository.resolvedIds(actor.isStaff() || actor.isApiKey(), actor.jurisdiction().likePattern(),
				actor.name(), Math.max(1, Math.min(limit, 200))));
	}

	/** The signed-in elder's own alarms (the help page), newest first. */
	public List<AlarmView> mine(int limit) {
		Actor actor = CurrentActor.require();
		if (actor.residentId() == null) {
			return List.of();
		}
		Optional<ElderLocation> e = elders.locateByResident(actor.residentId());
		if (e.isEmpty()) {
			return List.of();
		}
		return views(repository.elderAlarmIds(e.get().elderId(), Math.max(1, Math.min(limit, 50))));
	}

	/**
	 * Live feed items for an actor captured from its request (the SSE poller has no security context): those after
	 * {@code lastId} (a reconnecting browser's Last-Event-ID), at most 100.
	 */
	public List<FeedItem> feed(Actor actor, long lastId) {
		return repository.feedAfter(lastId, actor.name(), actor.isStaff(), actor.jurisdiction().likePattern()).stream()
			.map(r -> r.forActor(actor)).toList();
	}

	/**
	 * Every feed row written since {@code since} (by this instance's clock), for all actors: the live poller reads
	 * a sliding window rather than "after the last id", because ids are handed out when rows are inserted but rows
	 * become visible when their transactions commit, not necessarily in id order — a cursor on the last id seen
	 * would skip a row whose transaction committed late.
	 */
	public List<FeedRow> feedSince(Instant since) {
		return repository.feedSince(since);
	}

	/** The newest feed id of all (0 if none). */
	public long newestFeedId() {
		return repository.newestFeedId();
	}

	/** Family contacts to call for an alarm, in priority order, with their status (desk only). */
	public List<FamilyNotice> familyNotices(long id) {
		Actor actor = CurrentActor.require();
		AlarmRepository.AlarmRow a = visibleRow(actor, id);
		if (!AlarmAccess.family(actor, a)) {
			return List.of();
		}
		return repository.familyNotices(id);
	}

	/** The alarm if the actor may see it, else 404. */
	AlarmRepository.AlarmRow visibleRow(Actor actor, long id) {
		AlarmRepository.AlarmRow a = repository.findRow(id).orElseThrow(() -> new NotFoundException("No such alarm"));
		if (actor.isApiKey()) {
			if (!AlarmAccess.READING_KEYS.contains(actor.apiKeyPurpose()) || !actor.covers(a.path())) {
				throw new NotFoundException("No such alarm");
			}
			return a;
		}
		if (actor.isStaff() && actor.covers(a.path())) {
			return a;
		}
		if (repository.inChain(id, actor.name())) {
			return a;
		}
		if (actor.residentId() != null && elders.locate(a.elderId()).map(e -> e.residentId() == actor.residentId()).orElse(false)) {
			return a;
		}
		throw new NotFoundException("No such alarm");
	}

	private List<AlarmView> views(List<Long> ids) {
		return ids.stream().map(repository::view).toList();
	}
}

package org.jinlin.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.eldercare.EmergencyContact;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alarm desk: raising, the responder's steps (acknowledge, en route, arrive, resolve) and the timers'
 * escalations. Every step is a conditional update from the statuses it may start from, so two responders
 * acknowledging at once cannot both win (the loser gets 409 naming who took it). Who may see an alarm: staff whose
 * jurisdiction covers the elder's home, anyone in its dispatch chain, device and integration keys of the area,
 * and the elder herself.
 */
@Service
@Transactional
public class AlarmDesk {

	private static final Logger log = LoggerFactory.getLogger(AlarmDesk.class);

	public static final int NOTE_MAX = 1000;

	public static final int IDEMPOTENCY_KEY_MAX = 120;

	/** A device clock may run this far ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	static final java.util.Set<String> RAISING_KEYS = java.util.Set.of("DEVICE", "INTEGRATION");

	static final java.util.Set<String> READING_KEYS = java.util.Set.of("DEVICE", "INTEGRATION", "READ");

	private final JdbcClient jdbc;

	private final ElderRegister elders;

	private final Territories territories;

	private final DutyRoster roster;

	private final AlarmTimers timers;

	private final AlarmErrors errors;

	private final ApplicationEventPublisher events;

	private final Duration ackTimeout;

	private final Duration arrivalDeadline;

	private final Duration joinWindow;

	private final int respondersFirst;

	private final Clock clock = Clock.systemUTC();

	AlarmDesk(JdbcClient jdbc, ElderRegister elders, Territories territories, DutyRoster roster, AlarmTimers timers,
			AlarmErrors errors, ApplicationEventPublisher events,
			@Value("${jinlin.alarms.ack-timeout:PT60S}") Duration ackTimeout,
			@Value("${jinlin.alarms.arrival-deadline:PT30M}") Duration arrivalDeadline,
			@Value("${jinlin.alarms.join-window:PT10M}") Duration joinWindow,
			@Value("${jinlin.alarms.responders-first:2}") int respondersFirst) {
		this.jdbc = jdbc;
		this.elders = elders;
		this.territories = territories;
		this.roster = roster;
		this.timers = timers;
		this.errors = errors;
		this.events = events;
		this.ackTimeout = ackTimeout;
		this.arrivalDeadline = arrivalDeadline;
		this.joinWindow = joinWindow;
		this.respondersFirst = respondersFirst;
	}

	public Duration ackTimeout() {
		return ackTimeout;
	}

	public Duration arrivalDeadline() {
		return arrivalDeadline;
	}

	// ================================================================== raise

	/**
	 * Raises an alarm: the elder's own help button (a resident raising for herself), staff logging a phone call, or
	 * a device or integration key. The same idempotency key from the same caller returns the same alarm; another
	 * press for an elder whose alarm is still open and was last pressed within the join window joins it.
	 */
	public RaisedAlarm raise(RaiseAlarm cmd) {
		Actor actor = CurrentActor.require();
		AlarmChannel channel = channel(actor);
		List<AlarmErrors.FieldError> problems = new ArrayList<>();
		AlarmKind kind = cmd.kind() == null && channel != AlarmChannel.DEVICE ? AlarmKind.SOS
				: AlarmErrors.parse(AlarmKind.class, cmd.kind(), "kind", problems);
		Instant now = clock.instant();
		Instant occurred = cmd.occurredAt() == null ? now : cmd.occurredAt();
		if (occurred.isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(new AlarmErrors.FieldError("occurredAt", "alarms.occurred.future"));
		}
		String key = blankToNull(cmd.idempotencyKey());
		if (key != null && key.length() > IDEMPOTENCY_KEY_MAX) {
			problems.add(new AlarmErrors.FieldError("idempotencyKey", "alarms.idempotency.too-long", IDEMPOTENCY_KEY_MAX));
		}
		String note = blankToNull(cmd.note());
		if (note != null && note.length() > NOTE_MAX) {
			problems.add(new AlarmErrors.FieldError("note", "alarms.note.too-long", NOTE_MAX));
		}
		String deviceId = blankToNull(cmd.deviceId());
		if (deviceId != null && deviceId.length() > 64) {
			problems.add(new AlarmErrors.FieldError("deviceId", "alarms.device.unknown"));
			deviceId = null;
		}
		ElderLocation elder = null;
		if (problems.isEmpty()) {
			elder = elderFor(actor, cmd.elderId(), deviceId, problems);
		}
		errors.failIfAny(problems);

		if (key != null) {
			Optional<Long> seen = replayed(actor, key);
			if (seen.isPresent()) {
				return new RaisedAlarm(view(seen.get()), RaisedAlarm.Outcome.REPLAYED);
			}
		}
		lockElder(elder.elderId(), now);
		if (key != null) {
			// Checked again under the elder's lock: a concurrent retry of the same request has committed by now.
			Optional<Long> seen = replayed(actor, key);
			if (seen.isPresent()) {
				return new RaisedAlarm(view(seen.get()), RaisedAlarm.Outcome.REPLAYED);
			}
		}
		Optional<Long> open = jdbc.sql("""
				SELECT id FROM alarm WHERE elder_id = ? AND status <> 'RESOLVED' AND last_press_at >= ?
				ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
			.params(elder.elderId(), ts(now.minus(joinWindow))).query(Long.class).optional();
		if (open.isPresent()) {
			long id = open.get();
			jdbc.sql("UPDATE alarm SET presses = presses + 1, last_press_at = ?, version = version + 1 WHERE id = ?")
				.params(ts(now), id).update();
			AlarmRow row = row(id);
			step(id, now, "PRESSED_AGAIN", actor.name(), kind.name() + (deviceId == null ? "" : " " + deviceId));
			feed(id, row.path(), null, "PRESSED_AGAIN", now);
			remember(actor, key, id, now);
			return new RaisedAlarm(view(id), RaisedAlarm.Outcome.JOINED);
		}

		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO alarm (elder_id, community_id, territory_path, latitude, longitude, device_id, kind, channel,
				  status, occurred_at, raised_at, last_press_at, raised_by)
				VALUES (:elder, :community, :path, :lat, :lon, :device, :kind, :channel, 'RAISED', :occurred, :now, :now, :by)""")
			.param("elder", elder.elderId()).param("community", elder.communityId()).param("path", elder.territoryPath())
			.param("lat", elder.latitude()).param("lon", elder.longitude()).param("device", deviceId)
			.param("kind", kind.name()).param("channel", channel.name()).param("occurred", ts(occurred))
			.param("now", ts(now)).param("by", actor.name())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		step(id, now, "RAISED", actor.name(), channel.name() + " " + kind.name() + (note == null ? "" : ": " + note));
		remember(actor, key, id, now);

		List<DispatchPolicy.Stage> chain = chainFor(elder, now);
		for (int i = 0; i < chain.size(); i++) {
			DispatchPolicy.Stage s = chain.get(i);
			jdbc.sql("""
					INSERT INTO alarm_dispatch (alarm_id, stage, username, display_name, duty_role, distance_m)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, i, s.responder().username(), s.responder().name(), s.responder().role().name(), s.distanceMetres())
				.update();
		}
		feed(id, elder.territoryPath(), null, "RAISED", now);
		if (chain.isEmpty()) {
			step(id, now, "NO_RESPONDER_ON_DUTY", "system", null);
		}
		else {
			notifyStage(id, elder.territoryPath(), 0, now);
			jdbc.sql("UPDATE alarm SET status = 'NOTIFIED', notified_at = ? WHERE id = ?").params(ts(now), id).update();
		}
		timers.ackTimeout(id, 0, now.plus(ackTimeout));

		List<EmergencyContact> family = elders.emergencyContacts(elder.elderId());
		for (EmergencyContact c : family) {
			jdbc.sql("""
					INSERT INTO alarm_family_notice (alarm_id, priority, contact_name, relation, status, created_at)
					VALUES (?, ?, ?, ?, 'PENDING', ?)""")
				.params(id, c.priority(), c.name(), c.relation(), ts(now)).update();
		}
		if (!family.isEmpty()) {
			step(id, now, "FAMILY_TO_NOTIFY", "system", Integer.toString(family.size()));
		}
		events.publishEvent(new AlarmRaised(id, elder.elderId(), elder.territoryPath(), kind, channel, now));
		log.info("Alarm {} raised ({} {}), {} in the dispatch chain", id, channel, kind, chain.size());
		return new RaisedAlarm(view(id), RaisedAlarm.Outcome.CREATED);
	}

	private AlarmChannel channel(Actor actor) {
		if (actor.isApiKey()) {
			if (!RAISING_KEYS.contains(actor.apiKeyPurpose())) {
				throw new ForbiddenException("This API key cannot raise alarms");
			}
			return AlarmChannel.DEVICE;
		}
		if (actor.isStaff()) {
			return AlarmChannel.PHONE_CALL;
		}
		if (actor.has(Role.RESIDENT) && actor.residentId() != null) {
			return AlarmChannel.HELP_BUTTON;
		}
		throw new ForbiddenException("This account cannot raise alarms");
	}

	private ElderLocation elderFor(Actor actor, Long elderId, String deviceId, List<AlarmErrors.FieldError> problems) {
		Optional<ElderLocation> elder;
		if (deviceId != null) {
			elder = elders.locateByDevice(deviceId);
			if (elder.isEmpty()) {
				problems.add(new AlarmErrors.FieldError("deviceId", "alarms.device.unknown"));
				return null;
			}
			if (elderId != null && elderId != elder.get().elderId()) {
				problems.add(new AlarmErrors.FieldError("deviceId", "alarms.device.other-elder"));
				return null;
			}
		}
		else if (elderId != null) {
			elder = elders.locate(elderId);
		}
		else if (actor.residentId() != null && !actor.isStaff() && !actor.isApiKey()) {
			elder = elders.locateByResident(actor.residentId());
			if (elder.isEmpty()) {
				throw new ForbiddenException("This resident has no care profile");
			}
		}
		else {
			problems.add(new AlarmErrors.FieldError("elderId", "alarms.elder.required"));
			return null;
		}
		ElderLocation e = elder.orElseThrow(() -> new NotFoundException("No such elder"));
		if (actor.isStaff() || actor.isApiKey()) {
			if (!actor.covers(e.territoryPath())) {
				throw new NotFoundException("No such elder");
			}
		}
		else if (actor.residentId() == null || actor.residentId() != e.residentId()) {
			throw new NotFoundException("No such elder");
		}
		return e;
	}

	private List<DispatchPolicy.Stage> chainFor(ElderLocation elder, Instant now) {
		TerritoryNode community = territories.lookup(elder.communityId()).orElse(null);
		if (community == null) {
			return List.of();
		}
		String streetPath = community.parentId() == null ? community.path()
				: territories.lookup(community.parentId()).map(TerritoryNode::path).orElse(community.path());
		return DispatchPolicy.chain(elder.territoryPath(), community.path(), streetPath, elder.latitude(),
				elder.longitude(), roster.around(streetPath, now), respondersFirst);
	}

	private void lockElder(long elderId, Instant now) {
		int touched = jdbc.sql("UPDATE alarm_elder_lock SET touched_at = ? WHERE elder_id = ?").params(ts(now), elderId).update();
		if (touched == 0) {
			try {
				jdbc.sql("INSERT INTO alarm_elder_lock (elder_id, touched_at) VALUES (?, ?)").params(elderId, ts(now)).update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("UPDATE alarm_elder_lock SET touched_at = ? WHERE elder_id = ?").params(ts(now), elderId).update();
			}
		}
	}

	private Optional<Long> replayed(Actor actor, String key) {
		return jdbc.sql("SELECT alarm_id FROM alarm_idempotency WHERE caller = ? AND idem_key = ?")
			.params(actor.name(), key).query(Long.class).optional();
	}

	private void remember(Actor actor, String key, long alarmId, Instant now) {
		if (key != null) {
			jdbc.sql("INSERT INTO alarm_idempotency (caller, idem_key, alarm_id, created_at) VALUES (?, ?, ?, ?)")
				.params(actor.name(), key, alarmId, ts(now)).update();
		}
	}

	// ================================================================== the responder's steps

	/** The caller takes the alarm. Only one responder can: the others get 409 naming who did. */
	public AlarmView acknowledge(long id) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		requireResponder(actor, a);
		Instant now = clock.instant();
		int won = jdbc.sql("""
				UPDATE alarm SET status = 'ACKNOWLEDGED', acknowledged_at = :now, responder_username = :u,
				  responder_name = :name, timer_seq = timer_seq + 1, version = version + 1
				WHERE id = :id AND status IN ('RAISED', 'NOTIFIED')""")
			.param("now", ts(now)).param("u", actor.name()).param("name", displayName(actor, a.id()))
			.param("id", id).update();
		if (won == 0) {
			AlarmRow current = row(id);
			throw new ConflictException(current.responderName() != null
					? errors.message("alarms.conflict.taken", current.responderName())
					: errors.message("alarms.conflict.status", current.status().name()));
		}
		AlarmRow after = row(id);
		step(id, now, "ACKNOWLEDGED", actor.name(), null);
		feed(id, a.path(), null, "ACKNOWLEDGED", now);
		timers.arrivalDeadline(id, after.timerSeq(), now.plus(arrivalDeadline));
		events.publishEvent(new AlarmAcknowledged(id, a.elderId(), a.path(), actor.name(), Duration.between(a.raisedAt(), now), now));
		return view(id);
	}

	/** The responder who took the alarm is on the way. */
	public AlarmView enRoute(long id) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		requireTaker(actor, a);
		Instant now = clock.instant();
		if (jdbc.sql("UPDATE alarm SET status = 'EN_ROUTE', en_route_at = ?, version = version + 1 WHERE id = ? AND status = 'ACKNOWLEDGED'")
			.params(ts(now), id).update() == 0) {
			throw new ConflictException(errors.message("alarms.conflict.status", row(id).status().name()));
		}
		step(id, now, "EN_ROUTE", actor.name(), null);
		feed(id, a.path(), null, "EN_ROUTE", now);
		return view(id);
	}

	/** The responder who took the alarm confirms arrival at the elder's home. */
	public AlarmView arrive(long id) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		requireTaker(actor, a);
		Instant now = clock.instant();
		if (jdbc.sql("""
				UPDATE alarm SET status = 'ARRIVED', arrived_at = ?, timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND status IN ('ACKNOWLEDGED', 'EN_ROUTE')""").params(ts(now), id).update() == 0) {
			throw new ConflictException(errors.message("alarms.conflict.status", row(id).status().name()));
		}
		step(id, now, "ARRIVED", actor.name(), null);
		feed(id, a.path(), null, "ARRIVED", now);
		events.publishEvent(new ResponderArrived(id, a.elderId(), a.path(), actor.name(), Duration.between(a.raisedAt(), now), now));
		return view(id);
	}

	/**
	 * Closes the alarm with an outcome: the responder after arriving, or staff covering the elder at any time (a
	 * false alarm cleared by phone, say — then a note is required).
	 */
	public AlarmView resolve(long id, ResolveAlarm cmd) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		List<AlarmErrors.FieldError> problems = new ArrayList<>();
		AlarmOutcome outcome = AlarmErrors.parse(AlarmOutcome.class, cmd.outcome(), "outcome", problems);
		String note = blankToNull(cmd.note());
		if (note != null && note.length() > NOTE_MAX) {
			problems.add(new AlarmErrors.FieldError("note", "alarms.note.too-long", NOTE_MAX));
		}
		boolean taker = actor.name().equals(a.responderUsername());
		boolean staff = actor.isStaff() && actor.covers(a.path());
		if (!taker && !staff) {
			throw new ForbiddenException("Only the responder or staff of the area close an alarm");
		}
		if (a.status() != AlarmStatus.ARRIVED && a.status().open() && note == null) {
			problems.add(new AlarmErrors.FieldError("note", "alarms.resolve.note-required"));
		}
		errors.failIfAny(problems);
		Instant now = clock.instant();
		if (jdbc.sql("""
				UPDATE alarm SET status = 'RESOLVED', resolved_at = ?, outcome = ?, outcome_note = ?,
				  timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND status <> 'RESOLVED'""").params(ts(now), outcome.name(), note, id).update() == 0) {
			throw new ConflictException(errors.message("alarms.conflict.status", "RESOLVED"));
		}
		step(id, now, "RESOLVED", actor.name(), outcome.name() + (note == null ? "" : ": " + note));
		feed(id, a.path(), null, "RESOLVED", now);
		events.publishEvent(new AlarmResolved(id, a.elderId(), a.path(), outcome, actor.name(), now));
		return view(id);
	}

	/** Marks a family contact as reached or unreachable (the desk works through them by phone). */
	public AlarmView familyContacted(long id, int priority, boolean reached) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		if (!actor.isStaff() && !actor.name().equals(a.responderUsername())) {
			throw new ForbiddenException("Only staff or the responder record family calls");
		}
		Instant now = clock.instant();
		if (jdbc.sql("UPDATE alarm_family_notice SET status = ?, updated_at = ?, updated_by = ? WHERE alarm_id = ? AND priority = ?")
			.params(reached ? "REACHED" : "UNREACHABLE", ts(now), actor.name(), id, priority).update() == 0) {
			throw new NotFoundException("No such contact");
		}
		step(id, now, reached ? "FAMILY_REACHED" : "FAMILY_UNREACHABLE", actor.name(), Integer.toString(priority));
		return view(id);
	}

	private void requireResponder(Actor actor, AlarmRow a) {
		boolean inChain = jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ? AND username = ?")
			.params(a.id(), actor.name()).query(Long.class).single() > 0;
		boolean staff = actor.isStaff() && !actor.isApiKey() && actor.covers(a.path());
		if (!inChain && !staff) {
			throw new ForbiddenException("Only responders of this alarm or staff of the area acknowledge it");
		}
	}

	private void requireTaker(Actor actor, AlarmRow a) {
		if (!actor.name().equals(a.responderUsername())) {
			if (a.responderUsername() == null) {
				throw new ConflictException(errors.message("alarms.conflict.status", a.status().name()));
			}
			throw new ForbiddenException("Only the responder who took the alarm reports this");
		}
	}

	private String displayName(Actor actor, long alarmId) {
		return jdbc.sql("SELECT display_name FROM alarm_dispatch WHERE alarm_id = ? AND username = ? FETCH FIRST 1 ROWS ONLY")
			.params(alarmId, actor.name()).query(String.class).optional()
			.or(() -> jdbc.sql("SELECT display_name FROM alarm_responder WHERE username = ?").param(actor.name())
				.query(String.class).optional())
			.orElse(actor.name());
	}

	// ================================================================== timers

	/** No acknowledgement in time: ask the next in the chain; past its end, ask everybody in it again. */
	void ackTimedOut(AlarmTimers.Due due) {
		Instant now = clock.instant();
		int moved = jdbc.sql("""
				UPDATE alarm SET timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND timer_seq = ? AND status IN ('RAISED', 'NOTIFIED')""").params(due.alarmId(), due.seq()).update();
		if (moved == 0) {
			return;
		}
		AlarmRow a = row(due.alarmId());
		int stages = jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ?").param(a.id()).query(Long.class).single().intValue();
		int next = a.stage() + 1;
		String asked;
		if (next < stages) {
			jdbc.sql("UPDATE alarm SET stage = ?, escalation_level = escalation_level + 1, status = 'NOTIFIED', notified_at = COALESCE(notified_at, ?) WHERE id = ?")
				.params(next, ts(now), a.id()).update();
			asked = notifyStage(a.id(), a.path(), next, now);
			step(a.id(), now, "ESCALATED", "system", "ACK_TIMEOUT → " + asked);
		}
		else {
			// The end of the chain: everybody in it, and every desk of the area, is asked again until someone answers.
			for (int i = 0; i < stages; i++) {
				notifyStage(a.id(), a.path(), i, now);
			}
			asked = stages == 0 ? "desk" : "all";
			step(a.id(), now, "STILL_UNACKNOWLEDGED", "system", null);
		}
		feed(a.id(), a.path(), null, "ESCALATED", now);
		timers.ackTimeout(a.id(), a.timerSeq(), now.plus(ackTimeout));
		AlarmRow after = row(a.id());
		events.publishEvent(new AlarmEscalated(a.id(), a.elderId(), a.path(), after.escalationLevel(), "ACK_TIMEOUT", asked, now));
	}

	/** Nobody arrived in time: flag it, ask the next in the chain (or all of it again), check again later. */
	void arrivalOverdue(AlarmTimers.Due due) {
		Instant now = clock.instant();
		int moved = jdbc.sql("""
				UPDATE alarm SET timer_seq = timer_seq + 1, arrival_overdue = TRUE, escalation_level = escalation_level + 1,
				  version = version + 1
				WHERE id = ? AND timer_seq = ? AND status IN ('ACKNOWLEDGED', 'EN_ROUTE')""").params(due.alarmId(), due.seq()).update();
		if (moved == 0) {
			return;
		}
		AlarmRow a = row(due.alarmId());
		int stages = jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ?").param(a.id()).query(Long.class).single().intValue();
		String asked = "desk";
		// Above whoever was asked last: the head, then the street duty officer.
		int next = a.stage() + 1;
		if (next < stages) {
			jdbc.sql("UPDATE alarm SET stage = ? WHERE id = ?").params(next, a.id()).update();
			asked = notifyStage(a.id(), a.path(), next, now);
		}
		else if (stages > 0) {
			asked = notifyStage(a.id(), a.path(), stages - 1, now);
		}
		step(a.id(), now, "ARRIVAL_OVERDUE", "system", asked);
		feed(a.id(), a.path(), null, "ARRIVAL_OVERDUE", now);
		timers.arrivalDeadline(a.id(), a.timerSeq(), now.plus(arrivalDeadline));
		AlarmRow after = row(a.id());
		events.publishEvent(new AlarmEscalated(a.id(), a.elderId(), a.path(), after.escalationLevel(), "ARRIVAL_OVERDUE", asked, now));
	}

	private String notifyStage(long alarmId, String path, int stage, Instant now) {
		String[] who = jdbc.sql("SELECT username, display_name FROM alarm_dispatch WHERE alarm_id = ? AND stage = ?")
			.params(alarmId, stage).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		jdbc.sql("UPDATE alarm_dispatch SET notified_at = COALESCE(notified_at, ?) WHERE alarm_id = ? AND stage = ?")
			.params(ts(now), alarmId, stage).update();
		feed(alarmId, path, who[0], "ASKED", now);
		step(alarmId, now, "NOTIFIED", "system", who[1]);
		return who[0];
	}

	// ================================================================== queries

	/** One alarm, if the caller may see it (404 otherwise). */
	@Transactional(readOnly = true)
	public AlarmView find(long id) {
		Actor actor = CurrentActor.require();
		visibleRow(actor, id);
		return view(id);
	}

	/** Open alarms the caller may see (jurisdiction, or in the chain), oldest first. */
	@Transactional(readOnly = true)
	public List<AlarmView> open() {
		Actor actor = CurrentActor.require();
		requireReader(actor);
		return jdbc.sql("""
				SELECT id FROM alarm WHERE status <> 'RESOLVED' AND ((:area AND territory_path LIKE :prefix)
				  OR id IN (SELECT alarm_id FROM alarm_dispatch WHERE username = :u))
				ORDER BY raised_at, id FETCH FIRST 200 ROWS ONLY""")
			.param("area", actor.isStaff() || actor.isApiKey()).param("prefix", actor.jurisdiction().likePattern())
			.param("u", actor.name()).query(Long.class).list().stream().map(this::view).toList();
	}

	/** Recently resolved alarms the caller may see, newest first. */
	@Transactional(readOnly = true)
	public List<AlarmView> recentlyResolved(int limit) {
		Actor actor = CurrentActor.require();
		requireReader(actor);
		return jdbc.sql("""
				SELECT id FROM alarm WHERE status = 'RESOLVED' AND ((:area AND territory_path LIKE :prefix)
				  OR id IN (SELECT alarm_id FROM alarm_dispatch WHERE username = :u))
				ORDER BY resolved_at DESC, id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("area", actor.isStaff() || actor.isApiKey()).param("prefix", actor.jurisdiction().likePattern())
			.param("u", actor.name()).param("limit", Math.max(1, Math.min(limit, 200)))
			.query(Long.class).list().stream().map(this::view).toList();
	}

	/** The signed-in elder's own alarms (the help page), newest first. */
	@Transactional(readOnly = true)
	public List<AlarmView> mine(int limit) {
		Actor actor = CurrentActor.require();
		if (actor.residentId() == null) {
			return List.of();
		}
		Optional<ElderLocation> e = elders.locateByResident(actor.residentId());
		if (e.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id FROM alarm WHERE elder_id = ? ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 50)) + " ROWS ONLY")
			.param(e.get().elderId()).query(Long.class).list().stream().map(this::view).toList();
	}

	/**
	 * Live feed items for an actor captured from its request (the SSE poller has no security context): those after
	 * {@code lastId} (a reconnecting browser's Last-Event-ID), at most 100.
	 */
	@Transactional(readOnly = true)
	public List<FeedItem> feed(Actor actor, long lastId) {
		return jdbc.sql("""
				SELECT id, alarm_id, kind, recipient, territory_path, created_at FROM alarm_feed
				WHERE id > :last AND (recipient = :u OR (recipient IS NULL AND :staff AND territory_path LIKE :prefix))
				ORDER BY id FETCH FIRST 100 ROWS ONLY""")
			.param("last", lastId).param("u", actor.name()).param("staff", actor.isStaff())
			.param("prefix", actor.jurisdiction().likePattern())
			.query(AlarmDesk::feedItem).list().stream().map(r -> r.forActor(actor)).toList();
	}

	/**
	 * Every feed row written since {@code since} (by this instance's clock), for all actors: the live poller reads
	 * a sliding window rather than "after the last id", because ids are handed out when rows are inserted but rows
	 * become visible when their transactions commit, not necessarily in id order — a cursor on the last id seen
	 * would skip a row whose transaction committed late.
	 */
	@Transactional(readOnly = true)
	public List<FeedRow> feedSince(Instant since) {
		return jdbc.sql("""
				SELECT id, alarm_id, kind, recipient, territory_path, created_at FROM alarm_feed
				WHERE created_at >= ? ORDER BY id FETCH FIRST 2000 ROWS ONLY""")
			.param(ts(since)).query(AlarmDesk::feedItem).list();
	}

	static FeedRow feedItem(ResultSet rs, int n) throws SQLException {
		return new FeedRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6));
	}

	/** The newest feed id of all (0 if none). */
	@Transactional(readOnly = true)
	public long newestFeedId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM alarm_feed").query(Long.class).single();
	}

	/** One live-feed item: an alarm changed ({@code forMe} when the actor is being asked to respond). */
	public record FeedItem(long id, long alarmId, String kind, boolean forMe) {
	}

	/** One row of the live feed, before deciding who may see it. */
	public record FeedRow(long id, long alarmId, String kind, String recipient, String territoryPath, Instant createdAt) {

		/** Whether this actor sees the row: it is addressed to them, or it is a desk row of their jurisdiction. */
		public boolean visibleTo(Actor actor) {
			return recipient != null ? recipient.equals(actor.name()) : actor.isStaff() && actor.covers(territoryPath);
		}

		public FeedItem forActor(Actor actor) {
			return new FeedItem(id, alarmId, kind, recipient != null && recipient.equals(actor.name()));
		}
	}

	/** Family contacts to call for an alarm, in priority order, with their status (desk only). */
	@Transactional(readOnly = true)
	public List<FamilyNotice> familyNotices(long id) {
		Actor actor = CurrentActor.require();
		AlarmRow a = visibleRow(actor, id);
		if (!actor.isStaff() && !actor.name().equals(a.responderUsername())) {
			return List.of();
		}
		return jdbc.sql("SELECT priority, contact_name, relation, status FROM alarm_family_notice WHERE alarm_id = ? ORDER BY priority")
			.param(id).query((rs, n) -> new FamilyNotice(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	public record FamilyNotice(int priority, String name, String relation, String status) {
	}

	private void requireReader(Actor actor) {
		if (actor.isApiKey() && !READING_KEYS.contains(actor.apiKeyPurpose())) {
			throw new ForbiddenException("This API key cannot read alarms");
		}
		if (!actor.isApiKey() && !actor.isStaff() && !actor.has(Role.VOLUNTEER)) {
			throw new ForbiddenException("This account has no alarm desk");
		}
	}

	AlarmRow visibleRow(Actor actor, long id) {
		AlarmRow a = jdbc.sql(SELECT_ROW + " WHERE id = ?").param(id).query(AlarmDesk::mapRow).optional()
			.orElseThrow(() -> new NotFoundException("No such alarm"));
		if (actor.isApiKey()) {
			if (!READING_KEYS.contains(actor.apiKeyPurpose()) || !actor.covers(a.path())) {
				throw new NotFoundException("No such alarm");
			}
			return a;
		}
		if (actor.isStaff() && actor.covers(a.path())) {
			return a;
		}
		boolean inChain = jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ? AND username = ?")
			.params(id, actor.name()).query(Long.class).single() > 0;
		if (inChain) {
			return a;
		}
		if (actor.residentId() != null && elders.locate(a.elderId()).map(e -> e.residentId() == actor.residentId()).orElse(false)) {
			return a;
		}
		throw new NotFoundException("No such alarm");
	}

	// ================================================================== rows

	record AlarmRow(long id, long elderId, String path, AlarmStatus status, int stage, int timerSeq, int escalationLevel,
			String responderUsername, String responderName, Instant raisedAt) {
	}

	static final String SELECT_ROW = "SELECT id, elder_id, territory_path, status, stage, timer_seq, escalation_level,"
			+ " responder_username, responder_name, raised_at FROM alarm";

	static AlarmRow mapRow(ResultSet rs, int n) throws SQLException {
		return new AlarmRow(rs.getLong(1), rs.getLong(2), rs.getString(3), AlarmStatus.valueOf(rs.getString(4)),
				rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), instant(rs, 10));
	}

	AlarmRow row(long id) {
		return jdbc.sql(SELECT_ROW + " WHERE id = ?").param(id).query(AlarmDesk::mapRow).single();
	}

	AlarmView view(long id) {
		List<AlarmStep> timeline = jdbc.sql("SELECT happened_at, kind, actor, detail FROM alarm_step WHERE alarm_id = ? ORDER BY id")
			.param(id).query((rs, n) -> new AlarmStep(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
		List<AlarmView.DispatchStage> chain = jdbc.sql("""
				SELECT stage, username, display_name, duty_role, distance_m, notified_at FROM alarm_dispatch
				WHERE alarm_id = ? ORDER BY stage""")
			.param(id)
			.query((rs, n) -> new AlarmView.DispatchStage(rs.getInt(1), rs.getString(2), rs.getString(3),
					DutyRole.valueOf(rs.getString(4)), rs.getObject(5, Integer.class), instant(rs, 6)))
			.list();
		return jdbc.sql("""
				SELECT id, status, kind, channel, elder_id, community_id, device_id, escalation_level, responder_name,
				  responder_username, stage, occurred_at, raised_at, notified_at, acknowledged_at, en_route_at, arrived_at,
				  resolved_at, arrival_overdue, presses, outcome, outcome_note FROM alarm WHERE id = ?""")
			.param(id)
			.query((rs, n) -> {
				AlarmStatus status = AlarmStatus.valueOf(rs.getString(2));
				int stage = rs.getInt(11);
				String asked = AlarmStatus.UNACKNOWLEDGED.contains(status) && stage < chain.size() ? chain.get(stage).name() : null;
				String outcome = rs.getString(21);
				return new AlarmView(rs.getLong(1), status, AlarmKind.valueOf(rs.getString(3)),
						AlarmChannel.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getInt(8),
						rs.getString(9), rs.getString(10), asked, instant(rs, 12), instant(rs, 13), instant(rs, 14),
						instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), rs.getBoolean(19), rs.getInt(20),
						outcome == null ? null : AlarmOutcome.valueOf(outcome), rs.getString(22), timeline, chain);
			})
			.single();
	}

	private void step(long alarmId, Instant at, String kind, String actor, String detail) {
		jdbc.sql("INSERT INTO alarm_step (alarm_id, happened_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(alarmId, ts(at), kind, actor, detail == null ? null : truncate(detail, 1000)).update();
	}

	private void feed(long alarmId, String path, String recipient, String kind, Instant at) {
		jdbc.sql("INSERT INTO alarm_feed (alarm_id, territory_path, recipient, kind, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(alarmId, path, recipient, kind, ts(at)).update();
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}
}

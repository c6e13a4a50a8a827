package org.jinlin.alarms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmChannel;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmRaised;
import org.jinlin.demands.UrgentDemandRaised;
import org.jinlin.meals.WelfareCheckNeeded;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.eldercare.EmergencyContact;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising an alarm: the elder's own help button (a resident raising for herself), staff logging a phone call, or a
 * device or integration key. The same idempotency key from the same caller returns the same alarm; another press
 * for an elder whose alarm is still open and was last pressed within the join window joins it. A new alarm gets
 * its dispatch chain, the first stage is asked, the acknowledgement timer is set and the family is queued to call.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class AlarmRaising {

	private static final Logger log = LoggerFactory.getLogger(AlarmRaising.class);

	/** Who raised an alarm for an urgent demand, in the alarm's timeline and idempotency keys. */
	static final String DEMANDS = "system:demands";

	private final AlarmRepository repository;

	private final AlarmDispatch dispatch;

	private final ElderRegister elders;

	private final AlarmTimers timers;

	private final FieldErrors errors;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.alarms.ack-timeout:PT60S}")
	private final Duration ackTimeout;

	@Value("${jinlin.alarms.join-window:PT10M}")
	private final Duration joinWindow;

	private final Clock clock = Clock.systemUTC();

	/** Raises (or replays, or joins) an alarm; see the class comment. */
	public RaisedAlarm raise(RaiseAlarm cmd) {
		Actor actor = CurrentActor.require();
		AlarmChannel channel = AlarmAccess.channel(actor);
		List<FieldError> problems = new ArrayList<>();
		AlarmKind kind = cmd.kind() == null && channel != AlarmChannel.DEVICE ? AlarmKind.SOS
				: AlarmInput.parse(AlarmKind.class, cmd.kind(), "kind", problems);
		Instant now = clock.instant();
		Instant occurred = cmd.occurredAt() == null ? now : cmd.occurredAt();
		if (occurred.isAfter(now.plus(AlarmInput.CLOCK_SKEW))) {
			problems.add(new FieldError("occurredAt", "alarms.occurred.future"));
		}
		String key = AlarmInput.blankToNull(cmd.idempotencyKey());
		if (key != null && key.length() > AlarmInput.IDEMPOTENCY_KEY_MAX) {
			problems.add(new FieldError("idempotencyKey", "alarms.idempotency.too-long", AlarmInput.IDEMPOTENCY_KEY_MAX));
		}
		String note = AlarmInput.note(cmd.note(), problems);
		String deviceId = AlarmInput.blankToNull(cmd.deviceId());
		if (deviceId != null && deviceId.length() > 64) {
			problems.add(new FieldError("deviceId", "alarms.device.unknown"));
			deviceId = null;
		}
		ElderLocation elder = null;
		if (problems.isEmpty()) {
			elder = elderFor(actor, cmd.elderId(), deviceId, problems);
		}
		errors.failIfAny(AlarmInput.INVALID, problems);

		return create(elder, deviceId, kind, channel, occurred, now, actor.name(), note, key);
	}

	/**
	 * An urgent demand raised by or for a registered elder (someone trapped in a lift): the desk gets an alarm as if
	 * she had pressed help, located at her home, dispatched the same way. Nothing for a resident who is not in the
	 * elderly register, or a caller outside the register. Delivered again after a crash, it returns the same alarm.
	 */
	public Optional<RaisedAlarm> raiseForUrgentDemand(UrgentDemandRaised event) {
		if (event.residentId() == null) {
			return Optional.empty();
		}
		Optional<ElderLocation> elder = elders.locateByResident(event.residentId());
		if (elder.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Instant occurred = event.at() == null || event.at().isAfter(now) ? now : event.at();
		return Optional.of(create(elder.get(), null, AlarmKind.OTHER, AlarmChannel.DEMAND, occurred, now, DEMANDS,
				"demand " + event.demandId() + " " + event.categoryCode(), "demand-" + event.demandId()));
	}

	/** Who raised an alarm for a missed meal, in the alarm's timeline and idempotency keys. */
	static final String MEALS = "system:meals";

	/**
	 * A welfare check for an elder living alone whom a meal courier found not at home: an alarm on the desk (one per
	 * stop: the same stop again replays it); none if she has no profile in the elderly register.
	 */
	public Optional<RaisedAlarm> raiseForWelfareCheck(WelfareCheckNeeded event) {
		Optional<ElderLocation> elder = elders.locateByResident(event.residentId());
		if (elder.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return Optional.of(create(elder.get(), null, AlarmKind.OTHER, AlarmChannel.MEAL_DELIVERY, now, now, MEALS,
				"meal not delivered on " + event.day() + ": nobody home", "meal-" + event.routeId() + "-" + event.seq()));
	}

	/** Replays, joins or creates the alarm of an elder whose request has been checked. */
	private RaisedAlarm create(ElderLocation elder, String deviceId, AlarmKind kind, AlarmChannel channel,
			Instant occurred, Instant now, String by, String note, String key) {
		Optional<RaisedAlarm> replay = replayed(by, key);
		if (replay.isPresent()) {
			return replay.get();
		}
		repository.lockElder(elder.elderId(), now);
		// Checked again under the elder's lock: a concurrent retry of the same request has committed by now.
		replay = replayed(by, key);
		if (replay.isPresent()) {
			return replay.get();
		}
		Optional<Long> open = repository.openAlarmPressedSince(elder.elderId(), now.minus(joinWindow));
		if (open.isPresent()) {
			long id = open.get();
			repository.pressAgain(id, now);
			AlarmRepository.AlarmRow row = repository.row(id);
			repository.step(id, now, "PRESSED_AGAIN", by,
					kind.name() + (deviceId == null ? "" : " " + deviceId) + (note == null ? "" : ": " + note));
			repository.feed(id, row.path(), null, "PRESSED_AGAIN", now);
			remember(by, key, id, now);
			return new RaisedAlarm(repository.view(id), RaisedAlarm.Outcome.JOINED);
		}

		long id = repository.insertAlarm(elder, deviceId, kind, channel, occurred, now, by);
		repository.step(id, now, "RAISED", by, channel.name() + " " + kind.name() + (note == null ? "" : ": " + note));
		remember(by, key, id, now);

		List<DispatchPolicy.Stage> chain = dispatch.chainFor(elder, now);
		for (int i = 0; i < chain.size(); i++) {
			DispatchPolicy.Stage s = chain.get(i);
			repository.insertDispatch(id, i, s.responder().username(), s.responder().name(), s.responder().role(),
					s.distanceMetres());
		}
		repository.feed(id, elder.territoryPath(), null, "RAISED", now);
		if (chain.isEmpty()) {
			repository.step(id, now, "NO_RESPONDER_ON_DUTY", "system", null);
		}
		else {
			dispatch.notifyStage(id, elder.territoryPath(), 0, now);
			repository.markNotified(id, now);
		}
		timers.ackTimeout(id, 0, now.plus(ackTimeout));

		List<EmergencyContact> family = elders.emergencyContacts(elder.elderId());
		for (EmergencyContact c : family) {
			repository.insertFamilyNotice(id, c.priority(), c.name(), c.relation(), now);
		}
		if (!family.isEmpty()) {
			repository.step(id, now, "FAMILY_TO_NOTIFY", "system", Integer.toString(family.size()));
		}
		events.publishEvent(new AlarmRaised(id, elder.elderId(), elder.territoryPath(), kind, channel, now));
		log.info("Alarm {} raised ({} {}), {} in the dispatch chain", id, channel, kind, chain.size());
		return new RaisedAlarm(repository.view(id), RaisedAlarm.Outcome.CREATED);
	}

	/** The elder the alarm is for: by device, by id, or the signed-in resident herself. */
	private ElderLocation elderFor(Actor actor, Long elderId, String deviceId, List<FieldError> problems) {
		Optional<ElderLocation> elder;
		if (deviceId != null) {
			elder = elders.locateByDevice(deviceId);
			if (elder.isEmpty()) {
				problems.add(new FieldError("deviceId", "alarms.device.unknown"));
				return null;
			}
			if (elderId != null && elderId != elder.get().elderId()) {
				problems.add(new FieldError("deviceId", "alarms.device.other-elder"));
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
			problems.add(new FieldError("elderId", "alarms.elder.required"));
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

	private Optional<RaisedAlarm> replayed(String by, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return repository.replayed(by, key)
			.map(id -> new RaisedAlarm(repository.view(id), RaisedAlarm.Outcome.REPLAYED));
	}

	private void remember(String by, String key, long alarmId, Instant now) {
		if (key != null) {
			repository.remember(by, key, alarmId, now);
		}
	}
}

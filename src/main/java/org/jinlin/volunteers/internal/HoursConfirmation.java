package org.jinlin.volunteers.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ServiceIntention;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.ConfirmHours;
import org.jinlin.volunteers.internal.ActivityModels.HoursLine;
import org.jinlin.volunteers.internal.ActivityModels.ServiceRecordView;
import org.jinlin.volunteers.internal.CheckInPolicy.Pair;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.volunteers.internal.VolunteerTimes.ZONE;
import static org.jinlin.volunteers.internal.VolunteerTimes.trim;

/**
 * Hours confirmation: the organiser confirms each volunteer's hours on an activity as a service record carrying what
 * the Volunteer Service Record and Certificate Measures require, and publishes {@link ServiceDelivered}.
 */
@Service
@RequiredArgsConstructor
public class HoursConfirmation {

	private final AttendanceRepository attendance;

	private final VolunteerRecordRepository records;

	private final ActivityDesk desk;

	private final VolunteerRegistry registry;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final FieldErrors messages;

	/** Per volunteer who attended: computed hours, pending pairs, the confirmed record. */
	public List<HoursLine> hours(long activityId) {
		ActivityView a = desk.organised(activityId);
		Map<Long, List<Pair>> byVolunteer = new LinkedHashMap<>();
		Map<Long, AttendanceRepository.AttendedPair> names = new LinkedHashMap<>();
		for (AttendanceRepository.AttendedPair p : attendance.withVolunteers(a.id())) {
			byVolunteer.computeIfAbsent(p.volunteerId(), k -> new ArrayList<>()).add(p.pair());
			names.put(p.volunteerId(), p);
		}
		Map<Long, ServiceRecordView> confirmed = new LinkedHashMap<>();
		records.ofActivity(a.id()).forEach(r -> confirmed.put(r.volunteerId(), r));
		List<HoursLine> lines = new ArrayList<>();
		byVolunteer.forEach((vid, pairs) -> lines.add(new HoursLine(vid, names.get(vid).volunteerName(),
				names.get(vid).idNumberMasked(), CheckInPolicy.hours(pairs), pairs.size(),
				(int) pairs.stream().filter(p -> p.status() == CheckInPolicy.Status.PENDING).count(), confirmed.get(vid))));
		return lines;
	}

	/**
	 * The organiser confirms a volunteer's hours on the activity: the hours computed from the approved pairs (travel
	 * excluded), possibly adjusted down with a reason, with the training, commendations and evaluation of the
	 * Measures. Refused while a back-dated pair is pending. Publishes {@link ServiceDelivered}.
	 */
	@Transactional
	public ServiceRecordView confirm(long activityId, ConfirmHours c) {
		Actor actor = CurrentActor.require();
		ActivityView a = desk.organised(activityId);
		if (c.volunteerId() == null) {
			throw messages.invalid(VolunteerRegistry.INVALID,
					List.of(new FieldError("volunteerId", "volunteers.error.volunteer")));
		}
		VolunteerView v = registry.get(c.volunteerId());
		List<Pair> pairs = attendance.lockedOnActivity(a.id(), v.id());
		if (pairs.isEmpty()) {
			throw new NotFoundException("No attendance");
		}
		try {
			CheckInPolicy.checkConfirmable(pairs);
		}
		catch (CheckInPolicy.Rejected e) {
			throw VenueCheckIn.refused(messages, e);
		}
		BigDecimal computed = CheckInPolicy.hours(pairs);
		if (computed.signum() <= 0) {
			throw new ConflictException(messages.message("volunteers.error.noHours"));
		}
		BigDecimal hours = c.hours() == null ? computed : c.hours().setScale(2, RoundingMode.HALF_UP);
		String reason = trim(c.adjustReason());
		messages.failIfAny(VolunteerRegistry.INVALID, validate(c, computed, hours, reason));
		String content = trim(c.content()) == null
				? a.title() + "（" + messages.message("volunteers.intention." + a.category().name()) + "）" : c.content().trim();
		LocalDate date = pairs.stream().filter(Pair::countsForHours).map(p -> LocalDate.ofInstant(p.signedIn(), ZONE))
			.min(LocalDate::compareTo).orElse(LocalDate.ofInstant(a.startsAt(), ZONE));
		long id;
		try {
			id = records.insert(new VolunteerRecordRepository.NewRecord(a.id(), v.id(), a.category(), content, computed, hours,
					hours.compareTo(computed) < 0 ? reason : null, trim(c.training()), trim(c.commendations()),
					trim(c.evaluation()), date, a.territoryPath(), actor.name(), Instant.now()));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.message("volunteers.error.alreadyConfirmed"));
		}
		events.publishEvent(delivered(a, v, content, hours, date, actor.name()));
		return records.find(id);
	}

	private static List<FieldError> validate(ConfirmHours c, BigDecimal computed, BigDecimal hours, String reason) {
		List<FieldError> errors = new ArrayList<>();
		if (hours.signum() <= 0 || hours.compareTo(computed) > 0) {
			errors.add(new FieldError("hours", "volunteers.error.hours", computed.toPlainString()));
		}
		if (hours.compareTo(computed) < 0 && reason == null) {
			errors.add(new FieldError("adjustReason", "volunteers.error.adjustReason"));
		}
		for (String[] f : new String[][] { { "content", c.content() }, { "training", c.training() },
				{ "commendations", c.commendations() }, { "evaluation", c.evaluation() }, { "adjustReason", reason } }) {
			if (f[1] != null && f[1].length() > 500) {
				errors.add(new FieldError(f[0], "volunteers.error.tooLong", 500));
			}
		}
		return errors;
	}

	/** The ledger's record of a confirmed volunteer's hours on an activity. */
	public ServiceDelivered delivered(ActivityView a, VolunteerView v, String content, BigDecimal hours, LocalDate date,
			String confirmedBy) {
		long communityId = v.communityId();
		String path = v.territoryPath();
		TerritoryNode node = territories.lookup(a.territoryId()).orElse(null);
		if (node != null && node.level() == TerritoryLevel.COMMUNITY) {
			communityId = node.id();
			path = node.path();
		}
		return new ServiceDelivered(v.personKey(), v.name(), communityId, path, ServiceSource.ACTIVITY,
				"activity:" + a.id() + "/volunteer:" + v.id(), a.category().name(), content, hours, false,
				a.category() == ServiceIntention.ELDERLY, date.atTime(12, 0).atZone(ZONE).toInstant(), confirmedBy);
	}

	/** The caller's own confirmed records, newest first. */
	public List<ServiceRecordView> myRecords() {
		return registry.mine().map(v -> records.ofVolunteer(v.id())).orElse(List.of());
	}
}

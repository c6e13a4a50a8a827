package org.jinlin.volunteers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.AttendanceView;
import org.jinlin.volunteers.internal.ActivityModels.BackDate;
import org.jinlin.volunteers.internal.CheckInPolicy.Pair;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.volunteers.internal.VolunteerTimes.ZONE;
import static org.jinlin.volunteers.internal.VolunteerTimes.time;
import static org.jinlin.volunteers.internal.VolunteerTimes.trim;

/**
 * Pairs added after the fact (补录) and the organiser's decision on them, and the attendance lists: a back-dated
 * pair is PENDING and counts towards hours only once the organiser approved it.
 */
@Service
@RequiredArgsConstructor
public class BackDatedRecords {

	private final AttendanceRepository attendance;

	private final ActivityDesk desk;

	private final ActivitySignUps signUps;

	private final VenueCheckIn checkIn;

	private final VolunteerRegistry registry;

	private final FieldErrors messages;

	/**
	 * Adds a pair after the fact (补录): by the volunteer for themself, or by the organiser for a volunteer signed up.
	 * It is PENDING and counts towards hours only once the organiser approves it.
	 */
	@Transactional
	public AttendanceView backDate(long activityId, BackDate b) {
		Actor actor = CurrentActor.require();
		ActivityView a = desk.find(activityId);
		VolunteerView v;
		if (b.volunteerId() == null) {
			v = registry.requireMine();
		}
		else {
			desk.organised(activityId);
			v = registry.get(b.volunteerId());
		}
		signUps.requireSignedUp(a, v);
		List<FieldError> errors = new ArrayList<>();
		Instant in = time(b.signedInAt());
		Instant out = time(b.signedOutAt());
		if (in == null) {
			errors.add(new FieldError("signedInAt", "volunteers.error.time"));
		}
		if (out == null) {
			errors.add(new FieldError("signedOutAt", "volunteers.error.time"));
		}
		String reason = trim(b.reason());
		if (reason == null || reason.length() > 500) {
			errors.add(new FieldError("reason", "volunteers.error.reason"));
		}
		messages.failIfAny(VolunteerRegistry.INVALID, errors);
		LocalDate date = LocalDate.ofInstant(in, ZONE);
		List<Pair> sameDay = checkIn.lockedDay(v.id(), date);
		try {
			CheckInPolicy.checkBackDated(sameDay, in, out, Instant.now());
		}
		catch (CheckInPolicy.Rejected e) {
			throw VenueCheckIn.refused(messages, e);
		}
		return checkIn.find(attendance.insert(new AttendanceRepository.NewPair(a.id(), v.id(), date, in, out, true,
				CheckInPolicy.Status.PENDING, reason, actor.name(), null, null)));
	}

	/** The organiser approves or rejects a pending back-dated pair; anyone else gets a 403. */
	@Transactional
	public AttendanceView decide(long activityId, long attendanceId, Boolean approve) {
		Actor actor = CurrentActor.require();
		desk.organised(activityId);
		AttendanceView row = checkIn.find(attendanceId);
		if (row.activityId() != activityId) {
			throw new NotFoundException("No such record");
		}
		if (approve == null) {
			throw messages.invalid(VolunteerRegistry.INVALID, List.of(new FieldError("approve", "volunteers.error.approve")));
		}
		if (!attendance.decide(attendanceId, approve ? CheckInPolicy.Status.APPROVED : CheckInPolicy.Status.REJECTED,
				actor.name(), Instant.now())) {
			throw new ConflictException(messages.message("volunteers.error.notPending"));
		}
		return checkIn.find(attendanceId);
	}

	/** All pairs of an activity for its organiser, or the caller's own pairs. */
	public List<AttendanceView> attendance(long activityId, boolean organiser) {
		if (organiser) {
			desk.organised(activityId);
			return attendance.ofActivity(activityId, null);
		}
		desk.find(activityId);
		return registry.mine().map(v -> attendance.ofActivity(activityId, v.id())).orElse(List.of());
	}
}

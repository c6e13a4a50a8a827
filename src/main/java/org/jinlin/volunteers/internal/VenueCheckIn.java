package org.jinlin.volunteers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.AttendanceView;
import org.jinlin.volunteers.internal.ActivityModels.CheckInResult;
import org.jinlin.volunteers.internal.CheckInPolicy.Pair;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.volunteers.internal.VolunteerTimes.ZONE;

/**
 * Sign-in and sign-out at the venue with the activity's QR code: registered, signed up, within the activity's time
 * (with a margin), under {@link CheckInPolicy}; one person's check-ins are serialised on their row.
 */
@Service
@RequiredArgsConstructor
public class VenueCheckIn {

	private final AttendanceRepository attendance;

	private final VolunteerRepository volunteers;

	private final ActivityDesk desk;

	private final ActivitySignUps signUps;

	private final VolunteerRegistry registry;

	private final FieldErrors messages;

	/** Signs the caller in at the venue (QR code): registered, signed up, within the activity's time, under the rules. */
	@Transactional
	public CheckInResult signIn(String token) {
		ActivityView a = desk.byToken(token);
		VolunteerView v = checkInVolunteer(a);
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		List<Pair> sameDay = lockedDay(v.id(), today);
		try {
			CheckInPolicy.checkSignIn(sameDay);
		}
		catch (CheckInPolicy.Rejected e) {
			throw refused(messages, e);
		}
		long id = attendance.insert(new AttendanceRepository.NewPair(a.id(), v.id(), today, now, null, false,
				CheckInPolicy.Status.APPROVED, null, CurrentActor.require().name(), null, null));
		return new CheckInResult("SIGNED_IN", find(id), messages.message("volunteers.checkin.signedIn", a.title()));
	}

	/** Signs the caller out at the venue; needs an open sign-in for this activity today. */
	@Transactional
	public CheckInResult signOut(String token) {
		ActivityView a = desk.byToken(token);
		VolunteerView v = checkInVolunteer(a);
		Instant now = Instant.now();
		List<Pair> sameDay = lockedDay(v.id(), LocalDate.ofInstant(now, ZONE));
		Pair open;
		try {
			open = CheckInPolicy.checkSignOut(sameDay, a.id());
		}
		catch (CheckInPolicy.Rejected e) {
			throw refused(messages, e);
		}
		attendance.signOut(open.id(), now);
		return new CheckInResult("SIGNED_OUT", find(open.id()),
				messages.message("volunteers.checkin.signedOut", a.title()));
	}

	/** Whether the caller has an open sign-in for this activity (the check-in page offers sign-out then). */
	public boolean signedIn(ActivityView a) {
		return registry.mine()
			.map(v -> attendance.day(v.id(), LocalDate.now(ZONE)).stream()
				.anyMatch(p -> p.activityId() == a.id() && p.open()))
			.orElse(false);
	}

	private VolunteerView checkInVolunteer(ActivityView a) {
		VolunteerView v = registry.requireMine();
		signUps.requireSignedUp(a, v);
		Instant now = Instant.now();
		if (now.isBefore(a.startsAt().minus(VolunteerTimes.CHECK_IN_MARGIN))
				|| now.isAfter(a.endsAt().plus(VolunteerTimes.CHECK_IN_MARGIN))) {
			throw new ConflictException(messages.message("volunteers.error.outsideTime"));
		}
		return v;
	}

	/** The person's pairs of a day, with the volunteer row locked so one person's check-ins are serialised. */
	List<Pair> lockedDay(long volunteerId, LocalDate date) {
		volunteers.lock(volunteerId);
		return attendance.day(volunteerId, date);
	}

	AttendanceView find(long id) {
		return attendance.find(id).orElseThrow(() -> new org.jinlin.shared.NotFoundException("No such record"));
	}

	/** A broken check-in rule as a 409 with the rule's message. */
	static ConflictException refused(FieldErrors messages, CheckInPolicy.Rejected e) {
		return new ConflictException(messages.message(e.rejection.messageKey(), CheckInPolicy.MAX_PAIRS_PER_DAY));
	}
}

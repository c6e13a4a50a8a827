package org.jinlin.volunteers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.volunteers.internal.ActivityModels.ActivityView;
import org.jinlin.volunteers.internal.ActivityModels.ShiftView;
import org.jinlin.volunteers.internal.ActivityModels.SignUpView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Volunteers sign up for an activity's shifts (never beyond capacity, also under concurrent sign-ups) and cancel. */
@Service
@RequiredArgsConstructor
public class ActivitySignUps {

	private final ActivityRepository activities;

	private final ActivityDesk desk;

	private final VolunteerRegistry registry;

	private final FieldErrors messages;

	/**
	 * Signs the caller (a registered volunteer) up for a shift. The place is taken by a conditional update, so two
	 * volunteers racing for the last place cannot both get it: the second gets a 409.
	 */
	@Transactional
	public SignUpView signUp(long activityId, Long shiftId) {
		VolunteerView v = registry.requireMine();
		ActivityView a = desk.find(activityId);
		if (!a.published() || a.ended(Instant.now())) {
			throw new ConflictException(messages.message("volunteers.error.notOpen"));
		}
		ShiftView shift = shiftId == null && a.shifts().size() == 1 ? a.shifts().get(0)
				: a.shifts().stream().filter(s -> shiftId != null && s.id() == shiftId).findFirst()
					.orElseThrow(() -> new NotFoundException("No such shift"));
		Optional<String> existing = activities.signUpStatus(shift.id(), v.id());
		if (existing.filter("SIGNED_UP"::equals).isPresent()) {
			throw new ConflictException(messages.message("volunteers.error.alreadySignedUp"));
		}
		if (!activities.takePlace(shift.id())) {
			throw new ConflictException(messages.message("volunteers.error.full"));
		}
		Instant now = Instant.now();
		try {
			if (existing.isPresent()) {
				activities.renewSignUp(shift.id(), v.id(), now);
			}
			else {
				activities.insertSignUp(shift.id(), a.id(), v.id(), now);
			}
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.message("volunteers.error.alreadySignedUp"));
		}
		return activities.signUps(a.id(), v.id()).stream().filter(s -> s.shiftId() == shift.id()).findFirst().orElseThrow();
	}

	/** Cancels the caller's sign-up for a shift, before the activity starts. */
	@Transactional
	public void cancel(long activityId, Long shiftId) {
		VolunteerView v = registry.requireMine();
		ActivityView a = desk.find(activityId);
		if (a.started(Instant.now())) {
			throw new ConflictException(messages.message("volunteers.error.cancelStarted"));
		}
		List<SignUpView> mine = activities.signUps(a.id(), v.id()).stream().filter(s -> "SIGNED_UP".equals(s.status()))
			.filter(s -> shiftId == null || s.shiftId() == shiftId).toList();
		if (mine.isEmpty()) {
			throw new NotFoundException("No sign-up");
		}
		for (SignUpView s : mine) {
			if (activities.cancelSignUp(s.id(), Instant.now())) {
				activities.releasePlace(s.shiftId());
			}
		}
	}

	/** The sign-ups of an activity, for its organiser. */
	public List<SignUpView> signUps(long activityId) {
		desk.organised(activityId);
		return activities.signUps(activityId, null);
	}

	/** The caller's own sign-ups for an activity (empty when not registered). */
	public List<SignUpView> mySignUps(long activityId) {
		return registry.mine().map(v -> activities.signUps(activityId, v.id())).orElse(List.of());
	}

	/** Whether the volunteer is signed up for the activity (needed to sign in or to add a pair after the fact). */
	void requireSignedUp(ActivityView a, VolunteerView v) {
		if (!activities.signedUp(a.id(), v.id())) {
			throw new ConflictException(messages.message("volunteers.error.notSignedUp"));
		}
	}
}

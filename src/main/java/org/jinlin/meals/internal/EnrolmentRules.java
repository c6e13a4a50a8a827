package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.web.FieldErrors.FieldError;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * The rules of an enrolment, plain Java: allergies at most 200 characters; a pause starts on {@code pausedFrom} and
 * ends the day before {@code resumeOn} (no resume date: until further notice; a resume date needs a pause and comes
 * after it); a paused diner gets no subsidy and cannot order in the paused days; eligibility is re-checked every six
 * months from the last check (the enrolment day before the first).
 */
public final class EnrolmentRules {

	static final int MAX_ALLERGIES = 200;

	static final int RECHECK_MONTHS = 6;

	private EnrolmentRules() {
	}

	/** The field problems of an enrolment's editable part, as message codes. */
	public static List<FieldError> check(DinerForm f) {
		List<FieldError> p = new ArrayList<>();
		String allergies = trim(f.allergies());
		if (allergies != null && allergies.codePointCount(0, allergies.length()) > MAX_ALLERGIES) {
			p.add(new FieldError("allergies", "meals.error.tooLong", MAX_ALLERGIES));
		}
		if (f.resumeOn() != null && f.pausedFrom() == null) {
			p.add(new FieldError("pausedFrom", "meals.diner.error.resumeWithoutPause"));
		}
		else if (f.resumeOn() != null && !f.resumeOn().isAfter(f.pausedFrom())) {
			p.add(new FieldError("resumeOn", "meals.diner.error.resumeBeforePause"));
		}
		return p;
	}

	/** Is she paused on {@code day}: from the pause's first day up to the day before she resumes. */
	public static boolean pausedOn(LocalDate pausedFrom, LocalDate resumeOn, LocalDate day) {
		return pausedFrom != null && !day.isBefore(pausedFrom) && (resumeOn == null || day.isBefore(resumeOn));
	}

	/** The day the next eligibility check is due: six months after the last one. */
	public static LocalDate recheckDue(LocalDate lastChecked) {
		return lastChecked.plusMonths(RECHECK_MONTHS);
	}

	/** Is the re-check due (or past due) on {@code today}. */
	public static boolean recheckDue(LocalDate lastChecked, LocalDate today) {
		return !recheckDue(lastChecked).isAfter(today);
	}
}

package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrolment rules, table-driven: the pause window, the six-monthly re-check, the form's problems. */
class EnrolmentRulesTests {

	static LocalDate d(String s) {
		return s == null || s.isBlank() ? null : LocalDate.parse(s);
	}

	@ParameterizedTest(name = "paused {0}..{1} on {2}: {3}")
	@CsvSource(nullValues = "-", value = {
			// pausedFrom, resumeOn, day, paused
			"-, -, 2026-12-08, false",
			"2026-12-08, -, 2026-12-07, false",
			"2026-12-08, -, 2026-12-08, true",
			"2026-12-08, -, 2027-06-01, true",
			"2026-12-08, 2026-12-10, 2026-12-09, true",
			"2026-12-08, 2026-12-10, 2026-12-10, false",
			"2026-12-08, 2026-12-10, 2026-12-11, false" })
	void pausedFromTheFirstDayToTheDayBeforeSheResumes(String from, String resume, String day, boolean paused) {
		assertThat(EnrolmentRules.pausedOn(d(from), d(resume), d(day))).isEqualTo(paused);
	}

	@ParameterizedTest(name = "checked {0}, today {1}: due {2}")
	@CsvSource({ "2026-06-07, 2026-12-06, false", "2026-06-07, 2026-12-07, true", "2026-06-07, 2027-01-01, true",
			"2026-08-31, 2027-02-27, false", "2026-08-31, 2027-02-28, true" })
	void eligibilityIsRecheckedEverySixMonths(String checked, String today, boolean due) {
		assertThat(EnrolmentRules.recheckDue(d(checked), d(today))).isEqualTo(due);
	}

	@ParameterizedTest(name = "pause {0}..{1}, allergies {2} chars: {3}")
	@CsvSource(nullValues = "-", value = {
			"-, -, 0, -",
			"2026-12-08, -, 0, -",
			"2026-12-08, 2026-12-09, 200, -",
			"-, 2026-12-09, 0, pausedFrom:meals.diner.error.resumeWithoutPause",
			"2026-12-08, 2026-12-08, 0, resumeOn:meals.diner.error.resumeBeforePause",
			"2026-12-08, 2026-12-01, 0, resumeOn:meals.diner.error.resumeBeforePause",
			"-, -, 201, allergies:meals.error.tooLong" })
	void theFormsProblems(String from, String resume, int allergyLength, String problem) {
		DinerForm f = new DinerForm(1L, null, Set.of(), "花".repeat(allergyLength), false, d(from), d(resume));
		var problems = EnrolmentRules.check(f).stream().map(p -> p.field() + ":" + p.code()).toList();
		if (problem == null) {
			assertThat(problems).isEmpty();
		}
		else {
			assertThat(problems).containsExactly(problem);
		}
	}

}

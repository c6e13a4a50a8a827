package org.jinlin.party;

import java.util.List;
import java.util.Map;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;

/**
 * Who may do what with party records: staff read what lies in their jurisdiction (404 outside); community workers,
 * officials and administrators write there; everyone else (residents, volunteers, party members) gets 403.
 */
final class PartyAccess {

	private PartyAccess() {
	}

	static boolean canRead(Actor actor) {
		return actor.isStaff();
	}

	static boolean canWrite(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static Actor requireReader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see party organisations");
		}
		return actor;
	}

	static Actor requireWriter() {
		Actor actor = requireReader();
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only community workers, officials and administrators change party records");
		}
		return actor;
	}

	/** Collects field errors and throws them together (400), before anything is written. */
	static final class Errors {

		private final List<Map<String, String>> errors = new java.util.ArrayList<>();

		Errors add(String field, String message) {
			errors.add(Map.of("field", field, "message", message));
			return this;
		}

		boolean has(String field) {
			return errors.stream().anyMatch(e -> e.get("field").equals(field));
		}

		void requireText(String field, String value, int max) {
			if (value == null || value.isBlank()) {
				add(field, "must not be blank");
			}
			else if (value.strip().length() > max) {
				add(field, "at most " + max + " characters");
			}
		}

		void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new ValidationFailedException("Invalid party record", errors);
			}
		}
	}

	static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static java.time.LocalDate date(Errors errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.add(field, "must not be blank");
			return null;
		}
		try {
			return java.time.LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add(field, "must be a date like 2026-05-01");
			return null;
		}
	}

	static boolean validPhone(String phone) {
		return phone == null || phone.isBlank() || phone.strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
	}
}

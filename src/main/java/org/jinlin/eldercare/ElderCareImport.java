package org.jinlin.eldercare;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Bulk loading of the elderly register as it already is: care profiles for the residents old enough, then their
 * contacts, care data, devices, care circles, a past assessment with a last visit, and the birthday tasks. Writes
 * rows only: no checks of the caller and no events; {@code by} names who loaded them.
 */
public interface ElderCareImport {

	/** A profile as loaded, for choosing what to add to it. */
	record LoadedElder(long id, String name, String communityCode, String territoryPath, LivingSituation livingSituation) {
	}

	/** An emergency contact, phone in clear (stored encrypted and masked). */
	record Contact(String name, String relation, String phone) {
	}

	/** The care data, lists in clear (stored encrypted). */
	record Care(Mobility mobility, List<String> conditions, List<String> medicines, List<String> allergies,
			String doorAccessNotes) {
	}

	/** A past visit at 10:00 on {@code day}. */
	record PastVisit(LocalDate day, VisitKind kind, String visitor, String visitorName, String findings) {
	}

	/** Creates the profiles of every active resident old enough, in resident order; answers how many. */
	int createProfiles(String by);

	/** Every profile, by id. */
	List<LoadedElder> elders();

	/** Replaces the contacts, in priority order. */
	void contacts(long elderId, List<Contact> contacts);

	void care(long elderId, Care care, String by, OffsetDateTime now);

	void device(long elderId, String deviceId, DeviceKind kind, String by, OffsetDateTime now);

	/** Puts the account into the care circle in {@code role}; nothing if there is no such account. */
	void carer(long elderId, CarerRole role, String username, String by, OffsetDateTime now);

	/** The highest score of each of the assessment's items, in order. */
	List<Integer> assessmentItemMaxima();

	/**
	 * An assessment on {@code assessedOn} (no diagnoses, no risk events) and a last visit after it: {@code visit}
	 * gets the days between visits the elder's plan asks for and answers the visit; the profile's level, risk,
	 * reassessment and next visit follow.
	 */
	void assessmentAndVisit(long elderId, LocalDate assessedOn, String assessedBy, int[] scores, boolean dementia,
			String note, IntFunction<PastVisit> visit, String by, OffsetDateTime now);

	/** The birthday-visit tasks due from {@code today}; answers how many were created. */
	int birthdayTasks(LocalDate today);
}

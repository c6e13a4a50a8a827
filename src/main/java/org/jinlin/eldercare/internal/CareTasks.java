package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily work of the elderly register, run by the recurring timer of {@link EldercareTimers}: profiles for
 * residents who reached the elderly age or came in by a bulk import, and birthday-visit tasks for birthdays in
 * the coming week. Idempotent: a second run on the same day changes nothing (one birthday task per elder and
 * year, guaranteed by a unique constraint).
 */
@Component
@RequiredArgsConstructor
class CareTasks {

	static final String BIRTHDAY_VISIT = "BIRTHDAY_VISIT";

	/** Birthday tasks are created this many days ahead. */
	static final int BIRTHDAY_LEAD_DAYS = 7;

	private static final Logger log = LoggerFactory.getLogger(CareTasks.class);

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final ElderProfiles profiles;

	private final ResidentRegister residents;

	@Transactional
	void daily() {
		LocalDate today = ElderProfiles.today();
		int created = sweep(today, "system:eldercare");
		int tasks = createBirthdayTasks(today);
		log.info("Eldercare daily run: {} new profiles, {} birthday tasks", created, tasks);
	}

	/** Profiles for active residents old enough who have none yet. */
	@Transactional
	int sweep(LocalDate today, String by) {
		List<Long> old = residents.lookupActiveBornOnOrBefore(today.minusYears(profiles.elderlyAge()));
		Set<Long> known = repository.residentIds();
		List<Long> missing = old.stream().filter(id -> !known.contains(id)).toList();
		if (missing.isEmpty()) {
			return 0;
		}
		return profiles.sweep(residents.lookupAll(missing).stream()
			.sorted(java.util.Comparator.comparingLong(r -> r.id())).toList(), by);
	}

	/** One birthday-visit task per elder whose birthday falls within the next {@value #BIRTHDAY_LEAD_DAYS} days. */
	@Transactional
	int createBirthdayTasks(LocalDate today) {
		LocalDate until = today.plusDays(BIRTHDAY_LEAD_DAYS);
		Set<Integer> months = new HashSet<>(List.of(today.getMonthValue(), until.getMonthValue()));
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int created = 0;
		for (Object[] row : records.activeBirthDatesInMonths(months)) {
			LocalDate next = CareRules.nextBirthday((LocalDate) row[1], today);
			if (!next.isAfter(until)
					&& records.insertTaskIfAbsent((Long) row[0], BIRTHDAY_VISIT, next.getYear(), next, now)) {
				created++;
			}
		}
		return created;
	}
}

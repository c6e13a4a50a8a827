package org.jinlin.people;

import java.time.LocalDate;
import java.util.Set;

/** One resident in a list or export: ID number and phone masked only. */
public record ResidentRow(long id, String name, Gender gender, LocalDate birthDate, String idNumberMasked,
		String phoneMasked, long buildingId, String addressLabel, long communityId, long householdId,
		Set<ResidentTag> tags, RegistrationChannel registrationChannel, ResidentStatus status) {
}

package org.jinlin.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One resident with ID number and phone masked; what {@code find} returns. */
public record ResidentView(long id, String name, Gender gender, LocalDate birthDate, String idNumberMasked,
		String phoneMasked, long buildingId, String unit, String room, String addressLabel, long communityId,
		String territoryPath, long householdId, Set<ResidentTag> tags, RegistrationChannel registrationChannel,
		ResidentStatus status, String voidReason, String voidedBy, Instant voidedAt, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, int version) {
}

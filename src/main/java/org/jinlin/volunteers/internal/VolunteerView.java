package org.jinlin.volunteers.internal;

import org.jinlin.volunteers.ServiceIntention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A registered volunteer as lists and pages show it: ID number and phone masked. */
public record VolunteerView(long id, String personKey, String username, String name, String gender, LocalDate birthDate,
		String idNumberMasked, String phoneMasked, String skills, List<ServiceIntention> intentions, String availableTime,
		long communityId, String communityName, String territoryPath, Instant registeredAt, String registeredBy) {
}

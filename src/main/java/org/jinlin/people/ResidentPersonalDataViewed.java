package org.jinlin.people;

import java.time.Instant;

/**
 * Someone viewed a resident's full ID number and phone; recorded by the audit log under the
 * resident's jurisdiction ({@code territoryPath}), so the officials answerable for that resident see it.
 */
public record ResidentPersonalDataViewed(long residentId, String territoryPath, String viewer, String purpose,
		Instant at) {
}

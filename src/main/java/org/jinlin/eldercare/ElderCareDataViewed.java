package org.jinlin.eldercare;

import java.time.Instant;

/**
 * Someone viewed an elder's sensitive care data (health, door-access notes, contact phones): through the
 * profile's reveal button or the emergency protocol. Recorded by the audit log under the elder's
 * jurisdiction ({@code territoryPath}). Carries no personal data.
 *
 * @param what {@code HEALTH} (profile reveal) or {@code PROTOCOL} (emergency protocol)
 */
public record ElderCareDataViewed(long elderId, String territoryPath, String viewer, String what, String purpose,
		Instant at) {
}

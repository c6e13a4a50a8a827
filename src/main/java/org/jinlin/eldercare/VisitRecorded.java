package org.jinlin.eldercare;

import java.time.Instant;

/**
 * A visit or phone check-in was recorded. {@code byBuddy} says the visitor is in the elder's care circle as a
 * buddy (a volunteer or party member), whose visits count as service. Ids, paths and user names only.
 */
public record VisitRecorded(long visitId, long elderId, long communityId, String territoryPath, String visitor,
		String visitorName, VisitKind kind, boolean byBuddy, Instant visitedAt) {
}

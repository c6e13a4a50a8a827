package org.jinlin.demands;

/**
 * A demand closed: rated, or its rating window ended. Ids, codes, territory paths and dates only, never personal data
 * (the public log records its public part).
 *
 * @param communityId the community it is in; null while an Open311 address that matched no place waits at the
 *        street for a worker to locate it
 * @param categoryCode the demand's category
 * @param outcome how it was resolved (null for a demand closed without resolution)
 * @param raisedAt when it was raised
 * @param resolvedAt when it was resolved (null if never)
 */
public record DemandClosed(long demandId, String territoryPath, Long communityId, Long residentId, Rating rating,
		boolean automatically, java.time.Instant at, String handledBy, String categoryCode, Outcome outcome,
		java.time.Instant raisedAt, java.time.Instant resolvedAt) {
}

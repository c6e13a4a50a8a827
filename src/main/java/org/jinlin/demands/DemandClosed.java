package org.jinlin.demands;

/** A demand closed: rated, or its rating window ended. Ids and territory paths only, never personal data. */
public record DemandClosed(long demandId, String territoryPath, long communityId, Long residentId, Rating rating, boolean automatically, java.time.Instant at,
		String handledBy) {
}

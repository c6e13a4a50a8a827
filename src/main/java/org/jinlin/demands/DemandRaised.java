package org.jinlin.demands;

/** A demand was raised (说事). Ids and territory paths only, never personal data. */
public record DemandRaised(long demandId, String categoryCode, String territoryPath, long communityId, RaiseChannel channel, Long residentId, java.time.Instant at) {
}

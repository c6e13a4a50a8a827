package org.jinlin.demands;

/**
 * A demand was raised (说事). Ids and territory paths only, never personal data.
 *
 * @param communityId the community it is in; null while an Open311 address that matched no place waits at the
 *        street for a worker to locate it
 */
public record DemandRaised(long demandId, String categoryCode, String territoryPath, Long communityId, RaiseChannel channel, Long residentId, java.time.Instant at) {
}

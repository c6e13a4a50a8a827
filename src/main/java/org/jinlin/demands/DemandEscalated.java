package org.jinlin.demands;

/** A deadline passed and the demand went up the territory tree. Ids and territory paths only, never personal data. */
public record DemandEscalated(long demandId, String territoryPath, long toNodeId, int escalationCount, String deadline, java.time.Instant at) {
}

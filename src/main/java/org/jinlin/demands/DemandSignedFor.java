package org.jinlin.demands;

/** The handling unit signed for a demand. Ids and territory paths only, never personal data. */
public record DemandSignedFor(long demandId, String territoryPath, String by, boolean onTime, java.time.Instant at) {
}

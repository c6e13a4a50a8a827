package org.jinlin.demands;

/** A demand was handled and the resident was answered. Ids and territory paths only, never personal data. */
public record DemandResolved(long demandId, String territoryPath, Outcome outcome, boolean onTime, java.time.Instant at) {
}

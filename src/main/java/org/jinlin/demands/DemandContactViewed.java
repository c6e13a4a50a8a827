package org.jinlin.demands;

/** Staff viewed a caller's full contact phone to call back; recorded in the audit log. */
public record DemandContactViewed(long demandId, String territoryPath, String viewer, java.time.Instant at) {
}

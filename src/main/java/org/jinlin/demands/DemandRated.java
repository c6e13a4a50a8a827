package org.jinlin.demands;

/** The resident rated the result (评事). Ids and territory paths only, never personal data. */
public record DemandRated(long demandId, String territoryPath, Rating rating, String channel, int reworkCount, java.time.Instant at) {
}

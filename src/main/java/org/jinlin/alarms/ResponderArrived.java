package org.jinlin.alarms;

/** The responder confirmed arrival at the elder's home. Ids, territory paths and user names only, never health data. */
public record ResponderArrived(long alarmId, long elderId, String territoryPath, String responder, java.time.Duration afterRaised, java.time.Instant at) {
}

package org.jinlin.alarms;

/** A responder acknowledged an alarm. Ids, territory paths and user names only, never health data. */
public record AlarmAcknowledged(long alarmId, long elderId, String territoryPath, String responder, java.time.Duration afterRaised, java.time.Instant at) {
}

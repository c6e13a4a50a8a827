package org.jinlin.alarms;

/** An alarm was closed with an outcome. Ids, territory paths and user names only, never health data. */
public record AlarmResolved(long alarmId, long elderId, String territoryPath, AlarmOutcome outcome, String resolvedBy, java.time.Instant at) {
}

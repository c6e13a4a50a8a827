package org.jinlin.alarms;

/** A new alarm was raised. Ids, territory paths and user names only, never health data. */
public record AlarmRaised(long alarmId, long elderId, String territoryPath, AlarmKind kind, AlarmChannel channel, java.time.Instant at) {
}

package org.jinlin.alarms;

/** Nobody acknowledged in time (reason ACK_TIMEOUT) or nobody arrived in time (ARRIVAL_OVERDUE): the next in the chain was asked. Ids, territory paths and user names only, never health data. */
public record AlarmEscalated(long alarmId, long elderId, String territoryPath, int escalationLevel, String reason, String askedNow, java.time.Instant at) {
}

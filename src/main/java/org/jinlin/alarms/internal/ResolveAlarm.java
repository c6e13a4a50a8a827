package org.jinlin.alarms.internal;

/** How the responder closes an alarm: an outcome (a name of {@link AlarmOutcome}) and an optional note. */
public record ResolveAlarm(String outcome, String note) {
}

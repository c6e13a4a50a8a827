package org.jinlin.alarms.internal;

import java.time.Instant;

/** One step of an alarm's timeline: when, what, who, and a short detail (never health data). */
public record AlarmStep(Instant at, String kind, String actor, String detail) {
}

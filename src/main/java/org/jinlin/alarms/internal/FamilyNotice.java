package org.jinlin.alarms.internal;

/** A family contact to call for an alarm, in priority order, with the status of the call. */
public record FamilyNotice(int priority, String name, String relation, String status) {
}

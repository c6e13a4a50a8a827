package org.jinlin.demands.internal;

/** Why someone is told about a demand. */
public enum NotificationKind {
	NEW_IN_QUEUE, URGENT, RETURNED, ESCALATED, SUPERVISED, EXTENSION_REQUESTED, EXTENSION_DECIDED, RESOLVED, REWORK, RATED,
	CLOSED, HELP_CONFIRMED
}

package org.jinlin.alarms.internal;

import java.util.EnumSet;
import java.util.Set;

/** raised → responder notified → acknowledged → en route → arrived → resolved. */
public enum AlarmStatus {
	RAISED, NOTIFIED, ACKNOWLEDGED, EN_ROUTE, ARRIVED, RESOLVED;

	/** Statuses in which nobody has taken the alarm yet. */
	public static final Set<AlarmStatus> UNACKNOWLEDGED = EnumSet.of(RAISED, NOTIFIED);

	/** Taken, but the responder has not confirmed arrival. */
	public static final Set<AlarmStatus> ON_THE_WAY = EnumSet.of(ACKNOWLEDGED, EN_ROUTE);

	public boolean open() {
		return this != RESOLVED;
	}
}

package org.jinlin.alarms;

/** On duty now, off duty now, or as the weekly rota says. */
public enum DutyStatus {
	ON_DUTY, OFF_DUTY, ROTA
}

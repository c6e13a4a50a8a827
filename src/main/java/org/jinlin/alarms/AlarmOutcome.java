package org.jinlin.alarms;

/** How an alarm ended. */
public enum AlarmOutcome {
	HANDLED_AT_HOME, TAKEN_TO_HOSPITAL, EMERGENCY_SERVICES_CALLED, FAMILY_ARRIVED, FALSE_ALARM, OTHER
}

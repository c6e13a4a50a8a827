package org.jinlin.alarms;

/** What raised the alarm. */
public enum AlarmKind {
	/** The help button (one tap in the app, or a pendant's button). */
	SOS,
	FALL,
	SMOKE,
	GAS,
	WATER_LEAK,
	/** No movement at the door or in the home for longer than expected. */
	INACTIVITY,
	/** A health reading out of range (heart rate, blood pressure, ...). */
	HEALTH,
	/** A phone call to the desk or anything else. */
	OTHER
}

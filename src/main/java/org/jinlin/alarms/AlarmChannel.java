package org.jinlin.alarms;

/** How the alarm reached the platform. */
public enum AlarmChannel {
	/** The elder's help button in the app. */
	HELP_BUTTON,
	/** Staff logged a phone call. */
	PHONE_CALL,
	/** A device or integration over the API. */
	DEVICE,
	/** An urgent demand raised by or for the elder (someone trapped in a lift). */
	DEMAND,
	/** A meal courier found nobody home at an elder living alone (a welfare check). */
	MEAL_DELIVERY
}

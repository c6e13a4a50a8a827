package org.jinlin.demands;

/** How a demand reached us: the resident in the app, staff on the resident's behalf, or an Open311 client. */
public enum RaiseChannel {
	APP, PHONE_CALL, DOOR_TO_DOOR, OFFICE, OPEN311;

	public boolean onBehalf() {
		return this == PHONE_CALL || this == DOOR_TO_DOOR || this == OFFICE;
	}
}

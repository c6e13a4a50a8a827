package org.jinlin.people;

/** How a resident came into the register: on their own, or by staff on their behalf, or by bulk import. */
public enum RegistrationChannel {
	SELF, PHONE_CALL, DOOR_TO_DOOR, OFFICE, IMPORT;

	/** Channels staff choose when registering a resident on their behalf. */
	public static final java.util.List<RegistrationChannel> ON_BEHALF = java.util.List.of(PHONE_CALL, DOOR_TO_DOOR, OFFICE);
}

package org.jinlin.people;

/** A record is ACTIVE until voided with a reason; voided records are kept, never deleted. */
public enum ResidentStatus {
	ACTIVE, VOIDED
}

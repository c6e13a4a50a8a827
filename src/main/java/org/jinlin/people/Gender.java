package org.jinlin.people;

/** Gender as recorded on the ID card. */
public enum Gender {
	MALE, FEMALE
}

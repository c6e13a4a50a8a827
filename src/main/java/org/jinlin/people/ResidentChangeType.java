package org.jinlin.people;

/** Kinds of entries in a resident's change history. */
public enum ResidentChangeType {
	REGISTERED, UPDATED, VOIDED
}

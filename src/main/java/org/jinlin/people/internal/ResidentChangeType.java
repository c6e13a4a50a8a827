package org.jinlin.people.internal;

/** Kinds of entries in a resident's change history. */
public enum ResidentChangeType {
	REGISTERED, UPDATED, VOIDED
}

package org.jinlin.servicehours.internal;

/** Whose account it is. */
public enum HolderKind {
	/** A member's, unit's or volunteer's service account (credited hours and points). */
	PERSON,
	/** An issuing organisation (a community): the other side of what it credits; its balance runs negative. */
	ORGANISATION,
	/** A person's time-bank account of elderly-care hours. */
	TIME_BANK,
	/** A community's pool of donated time-bank hours. */
	DONATION_POOL;

	/** Only issuing organisations may run a negative balance: everyone else spends what they hold. */
	public boolean mayGoNegative() {
		return this == ORGANISATION;
	}
}

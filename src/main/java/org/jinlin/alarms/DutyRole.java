package org.jinlin.alarms;

/** A responder's place in the dispatch chain. */
public enum DutyRole {
	/** Community and grid workers and volunteers: asked first, nearest first. */
	RESPONDER,
	/** Asked when the responders do not acknowledge. */
	COMMUNITY_HEAD,
	/** Asked last: the street's duty officer. */
	STREET_DUTY_OFFICER
}

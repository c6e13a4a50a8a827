package org.jinlin.volunteers;

/** Who organises an activity: a community, a street office, or an organisation (a unit, a social organisation). */
public enum OrganiserKind {
	COMMUNITY, STREET, ORGANISATION
}

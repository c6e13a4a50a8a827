package org.jinlin.volunteers.internal;

/** Who organises an activity: a community, a street office, or an organisation (a unit, a social organisation). */
public enum OrganiserKind {
	COMMUNITY, STREET, ORGANISATION;

	/** The kind a text names exactly, {@code null} for none. */
	static OrganiserKind parse(String s) {
		try {
			return s == null ? null : valueOf(s.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}

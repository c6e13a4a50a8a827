package org.jinlin.volunteers;

import java.util.Optional;

/**
 * What a volunteer wants to do and what an activity is about: the five helps (五助: children, education, medical care,
 * the elderly, people in hardship) and the other usual community services.
 */
public enum ServiceIntention {
	CHILDREN, EDUCATION, MEDICAL, ELDERLY, HARDSHIP, GREENERY, SAFETY, CULTURE, OTHER;

	/** The intention a text names (any case), empty for blank or unknown text. */
	public static Optional<ServiceIntention> parse(String s) {
		if (s == null || s.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}

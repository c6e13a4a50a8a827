package org.jinlin.spaces;

import java.util.Arrays;
import java.util.Optional;

/**
 * The spaces' utilisation figures: booked hours over open hours, the check-in rate of the bookings that were due to be
 * checked in, and the no-shows released because nobody checked in.
 */
public enum SpaceIndicator {

	/** Hours held by bookings (pending, confirmed, checked in) over the zones' opening hours, in percent. */
	UTILISATION,

	/** Bookings checked in over those due (checked in, released as no-shows, confirmed but never checked in). */
	CHECK_IN_RATE,

	/** Bookings released because nobody checked in within the grace period. */
	NO_SHOWS_RELEASED;

	/** The name in URLs and message keys: lower case with hyphens. */
	public String slug() {
		return name().toLowerCase().replace('_', '-');
	}

	public static Optional<SpaceIndicator> ofSlug(String slug) {
		return Arrays.stream(values()).filter(i -> i.slug().equals(slug)).findFirst();
	}
}

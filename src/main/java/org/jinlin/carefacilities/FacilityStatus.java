package org.jinlin.carefacilities;

import java.util.Optional;

/** Whether a facility is running; only OPERATING facilities count in the statistics. */
public enum FacilityStatus {
	OPERATING, SUSPENDED, CLOSED;

	public static Optional<FacilityStatus> parse(String s) {
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

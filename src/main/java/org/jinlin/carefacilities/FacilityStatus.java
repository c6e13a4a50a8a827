package org.jinlin.carefacilities;

import java.util.Optional;

/** Whether a facility is running; only OPERATING facilities count in the statistics. */
public enum FacilityStatus {
	OPERATING, SUSPENDED, CLOSED;

	public static Optional<FacilityStatus> parse(String s) {
		return Codes.parse(FacilityStatus.class, s);
	}
}

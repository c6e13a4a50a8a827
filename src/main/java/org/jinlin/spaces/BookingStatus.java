package org.jinlin.spaces;

import java.util.Set;

/**
 * Where a booking stands. PENDING waits for staff approval; PENDING, CONFIRMED and CHECKED_IN hold the slot;
 * CANCELLED (by the booker or staff), REJECTED (by staff) and RELEASED (nobody checked in) free it.
 */
public enum BookingStatus {
	PENDING, CONFIRMED, CHECKED_IN, CANCELLED, REJECTED, RELEASED;

	public static final Set<BookingStatus> ACTIVE = Set.of(PENDING, CONFIRMED, CHECKED_IN);

	public boolean active() {
		return ACTIVE.contains(this);
	}
}

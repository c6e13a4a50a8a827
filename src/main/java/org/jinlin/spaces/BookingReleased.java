package org.jinlin.spaces;

import java.time.OffsetDateTime;

/** Nobody checked in to a booking within the grace period after its start: its slot was released. */
public record BookingReleased(long bookingId, long zoneId, OffsetDateTime start, OffsetDateTime end,
		String reference) {
}

package org.jinlin.spaces;

import java.time.OffsetDateTime;

/** A zone was booked (CONFIRMED, or PENDING staff approval). */
public record BookingMade(long bookingId, long zoneId, long spaceId, String territoryPath, OffsetDateTime start,
		OffsetDateTime end, BookingStatus status, String reference) {
}

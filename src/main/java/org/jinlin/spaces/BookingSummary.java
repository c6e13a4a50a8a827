package org.jinlin.spaces;

import java.time.OffsetDateTime;

/**
 * A booking as other modules see it (the consultation module follows the room it booked by id or reference).
 *
 * @param reference what the booking is for in another module, e.g. {@code consultation:12}, or {@code null}
 */
public record BookingSummary(long id, long zoneId, String zoneName, ZoneKind zoneKind, long spaceId, String spaceName,
		OffsetDateTime start, OffsetDateTime end, BookingStatus status, String purpose, String reference) {
}

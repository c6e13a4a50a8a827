package org.jinlin.spaces;

import java.time.OffsetDateTime;

/**
 * A {@link RoomRequest} could not be booked. {@code reason} is a message code of the spaces bundle (e.g.
 * {@code spaces.error.taken}, {@code spaces.error.closed}); {@code reference} is the request's.
 */
public record BookingRefused(long zoneId, OffsetDateTime start, OffsetDateTime end, String reference, String reason) {
}

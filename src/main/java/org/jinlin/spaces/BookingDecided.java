package org.jinlin.spaces;

/** Staff approved (CONFIRMED) or rejected (REJECTED) a pending booking. */
public record BookingDecided(long bookingId, long zoneId, BookingStatus status, String reference) {
}

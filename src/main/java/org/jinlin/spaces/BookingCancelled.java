package org.jinlin.spaces;

/** A booking was cancelled by its booker or by staff; its slot is free again. */
public record BookingCancelled(long bookingId, long zoneId, String reference) {
}

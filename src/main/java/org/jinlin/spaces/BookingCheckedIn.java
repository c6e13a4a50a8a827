package org.jinlin.spaces;

/** Someone checked in to a booking, by the QR code at the door or with staff. */
public record BookingCheckedIn(long bookingId, long zoneId, boolean byStaff) {
}

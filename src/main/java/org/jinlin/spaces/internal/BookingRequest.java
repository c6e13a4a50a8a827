package org.jinlin.spaces.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request to book a zone, as the API and the pages send it.
 *
 * @param start ISO-8601 with offset
 * @param purpose what it is for (shown to staff, never in the public feed)
 * @param reference what the booking is for in another module, e.g. {@code consultation:12}
 * @param forUsername staff only: the account the booking is made for (on a resident's behalf)
 * @param unitName staff only: the alliance unit the booking is made for
 * @param repeat a recurrence, or {@code null} for a single booking
 * @param skipConflicts book a recurrence's free dates and skip the others (otherwise 409 listing them)
 */
public record BookingRequest(Long zoneId, OffsetDateTime start, OffsetDateTime end, String purpose, String reference,
		String forUsername, String unitName, Repeat repeat, Boolean skipConflicts) {

	/** Weekly or monthly, until a date (inclusive) or a number of times. */
	public record Repeat(String frequency, LocalDate until, Integer count) {
	}

	public static BookingRequest of(long zoneId, OffsetDateTime start, OffsetDateTime end) {
		return new BookingRequest(zoneId, start, end, null, null, null, null, null, null);
	}
}

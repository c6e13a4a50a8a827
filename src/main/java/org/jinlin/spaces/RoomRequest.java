package org.jinlin.spaces;

import java.time.OffsetDateTime;

/**
 * A request from another module to book a zone, made by one of its staff: the other module's event implements this
 * interface (so spaces depends on nothing of it), spaces books the zone as that staff member under the space's
 * rules and answers with {@link BookingMade} or {@link BookingRefused}, both carrying the request's
 * {@code reference}. A new request with the reference of an active booking replaces that booking (cancelled once the
 * new one is made).
 *
 * @param reference what the booking is for in the requesting module, e.g. {@code consultation:12}
 * @param requestedBy the staff account the booking is made by and for
 */
public interface RoomRequest {

	long zoneId();

	OffsetDateTime start();

	OffsetDateTime end();

	String reference();

	String requestedBy();

	/** What the booking is for (shown to staff, never in a public feed). */
	String purpose();
}

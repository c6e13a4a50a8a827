package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.jinlin.spaces.BookingStatus;

/**
 * The answer to a booking: its id and status; for a recurrence also the series (the first booking's id), how many
 * dates were booked and the dates skipped.
 */
public record BookingReceipt(long id, BookingStatus status, Long seriesId, Integer booked,
		List<OffsetDateTime> skipped) {

	static BookingReceipt single(long id, BookingStatus status) {
		return new BookingReceipt(id, status, null, null, null);
	}
}

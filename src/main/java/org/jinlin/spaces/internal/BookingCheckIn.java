package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.spaces.BookingCheckedIn;
import org.jinlin.spaces.BookingStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking in to a booking: its booker by opening the booking's QR code URL at the door (signed in), or staff of the
 * community. Only a CONFIRMED booking, from 30 minutes before its start until its end; otherwise 409.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class BookingCheckIn {

	static final int EARLY_MINUTES = 30;

	private final BookingRepository bookings;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	/** The booking behind a QR token, for its booker or staff of its community (404 for anyone else). */
	public BookingRepository.BookingRow byToken(String token) {
		Actor actor = SpaceAccess.booker();
		return bookings.byToken(token)
			.filter(b -> b.username().equals(actor.name()) || BookingDesk.staffOf(actor, b.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No booking for this code"));
	}

	/** Whether a booking may be checked in now. */
	public static boolean open(BookingRepository.BookingRow b, OffsetDateTime now) {
		return b.status() == BookingStatus.CONFIRMED && !now.isBefore(b.start().minusMinutes(EARLY_MINUTES))
				&& now.isBefore(b.end());
	}

	@Transactional
	public BookingRepository.BookingRow withToken(String token) {
		BookingRepository.BookingRow b = byToken(token);
		checkIn(b, SpaceAccess.booker().name(), false);
		return bookings.find(b.id()).orElseThrow();
	}

	@Transactional
	public void byStaff(long id) {
		Actor actor = SpaceAccess.runner();
		BookingRepository.BookingRow b = bookings.find(id).filter(x -> actor.covers(x.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No booking " + id));
		checkIn(b, actor.name(), true);
	}

	private void checkIn(BookingRepository.BookingRow b, String by, boolean staff) {
		OffsetDateTime now = OffsetDateTime.now();
		if (!open(b, now) || !bookings.checkIn(b.id(), by, now)) {
			throw fieldErrors.conflict("spaces.error.checkIn");
		}
		events.publishEvent(new BookingCheckedIn(b.id(), b.zoneId(), staff));
	}
}

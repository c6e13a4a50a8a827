package org.jinlin.spaces.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.BookingReleased;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic release of no-shows: a CONFIRMED booking nobody checked in to is RELEASED {@code grace} after its
 * start ({@code jinlin.spaces.release-grace}, default 15 minutes), {@link BookingReleased} is published and the
 * slot is offered to the first in line. Run by the persistent timer {@code spaces-release-no-shows} (one instance at
 * a time; a run missed while no instance was up runs when one is), which also passes expired offers on.
 */
@Service
@RequiredArgsConstructor
public class BookingRelease {

	private final BookingRepository bookings;

	private final SpaceRepository spaces;

	private final SlotOffers offers;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.spaces.release-grace:PT15M}")
	private final Duration grace;

	/** Releases the bookings due by {@code now}; returns how many. */
	@Transactional
	public int releaseDue(OffsetDateTime now) {
		int released = 0;
		for (long id : bookings.noShows(now.minus(grace), 500)) {
			BookingRepository.BookingRow b = bookings.find(id).orElseThrow();
			spaces.lockZone(b.zoneId());
			if (bookings.release(id, now)) {
				released++;
				events.publishEvent(new BookingReleased(id, b.zoneId(), b.start(), b.end(), b.reference()));
				offers.offerFreed(b.zoneId(), b.start(), b.end());
			}
		}
		offers.expireOffers();
		return released;
	}

	public Duration grace() {
		return grace;
	}
}

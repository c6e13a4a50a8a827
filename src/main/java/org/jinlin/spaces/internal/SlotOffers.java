package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.SlotOffered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Offers a freed slot to the first person waiting for it (in the transaction that freed it): the first waiting
 * entry of the zone whose slot is now entirely free (and not yet over) is OFFERED until the offer time runs out (at
 * the latest the slot's end), and {@link SlotOffered} is published. Expired offers pass on to the next in line.
 */
@Component
@RequiredArgsConstructor
class SlotOffers {

	private final BookingRepository bookings;

	private final SpaceRepository spaces;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.spaces.offer-minutes:60}")
	private final int offerMinutes;

	/** After [start, end) of a zone was freed: the first waiting for a now-free slot there gets the offer. */
	void offerFreed(long zoneId, OffsetDateTime start, OffsetDateTime end) {
		OffsetDateTime now = OffsetDateTime.now();
		int buffer = spaces.zone(zoneId).flatMap(z -> spaces.find(z.spaceId()))
			.map(s -> s.rules().bufferMinutes()).orElse(0);
		BookingRules rules = new BookingRules(SpaceTime.ZONE);
		for (BookingRepository.WaitRow w : bookings.waiting(zoneId, start.minusMinutes(buffer), end.plusMinutes(buffer))) {
			if (!w.end().isAfter(now.plusMinutes(1))) {
				bookings.closeWait(w.id(), "WAITING", "EXPIRED", null);
				continue;
			}
			List<BookingRules.Slot> taken = bookings
				.activeOnZone(zoneId, w.start().minusMinutes(240), w.end().plusMinutes(240))
				.stream().map(b -> new BookingRules.Slot(b.start(), b.end())).toList();
			if (!rules.conflicts(w.start(), w.end(), buffer, taken)) {
				OffsetDateTime expires = now.plusMinutes(offerMinutes);
				if (expires.isAfter(w.end())) {
					expires = w.end();
				}
				if (bookings.offer(w.id(), expires)) {
					events.publishEvent(new SlotOffered(w.id(), zoneId, w.username(), w.start(), w.end(), expires));
					return;
				}
			}
		}
	}

	/** Expires the offers whose time ran out and offers each slot to the next in line; returns how many expired. */
	int expireOffers() {
		int n = 0;
		for (long id : bookings.expiredOffers(OffsetDateTime.now())) {
			BookingRepository.WaitRow w = bookings.waitEntry(id).orElseThrow();
			if (bookings.closeWait(id, "OFFERED", "EXPIRED", null)) {
				n++;
				offerFreed(w.zoneId(), w.start(), w.end());
			}
		}
		return n;
	}
}

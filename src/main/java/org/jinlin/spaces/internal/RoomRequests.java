package org.jinlin.spaces.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.spaces.BookingCancelled;
import org.jinlin.spaces.BookingMade;
import org.jinlin.spaces.BookingRefused;
import org.jinlin.spaces.BookingStatus;
import org.jinlin.spaces.RoomRequest;
import org.jinlin.spaces.internal.BookingRules.Slot;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rooms other modules request (the consultation module its sittings' room): booked as the requesting staff member,
 * under the same zone lock and rules as any booking (a staff booking needs no approval), answered with
 * {@link BookingMade} or {@link BookingRefused}. A redelivered request finds its booking and answers again; a new
 * request for the same reference cancels the earlier booking once the new one is made.
 */
@Component
@RequiredArgsConstructor
class RoomRequests {

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final AccountManagement accounts;

	private final SlotOffers offers;

	private final ApplicationEventPublisher events;

	private final BookingRules rules = new BookingRules(SpaceTime.ZONE);

	@ApplicationModuleListener
	void on(RoomRequest r) {
		String reason = book(r);
		if (reason != null) {
			events.publishEvent(new BookingRefused(r.zoneId(), r.start(), r.end(), r.reference(), reason));
		}
	}

	/** Books the request; the refusal's message code, or null when booked. */
	private String book(RoomRequest r) {
		SpaceRepository.ZoneRow zone = spaces.zone(r.zoneId()).orElse(null);
		if (zone == null || r.start() == null || r.end() == null || r.reference() == null) {
			return "spaces.error.zone.required";
		}
		SpaceRepository.SpaceRow space = spaces.find(zone.spaceId()).orElseThrow();
		AccountManagement.AccountReference account = accounts.lookup(r.requestedBy()).orElse(null);
		Set<Booker> kinds = account == null ? Set.of()
				: BookingDesk.kinds(account.roles(), account.territoryPath(), space.territoryPath());
		if (!kinds.contains(Booker.STAFF)) {
			return "spaces.error.notAllowed";
		}
		spaces.lockZone(zone.id());
		List<BookingRepository.BookingRow> earlier = bookings.byReference(r.reference()).stream()
			.filter(b -> b.status().active())
			.toList();
		for (BookingRepository.BookingRow b : earlier) {
			if (b.zoneId() == zone.id() && b.start().isEqual(r.start()) && b.end().isEqual(r.end())) {
				announce(b.id(), zone, space, b.start(), b.end(), b.status(), r.reference());
				return null;
			}
		}
		SpaceRules spaceRules = spaces.rules(space);
		List<Slot> taken = bookings.activeOnZone(zone.id(), r.start().minusMinutes(240), r.end().plusDays(1)).stream()
			.filter(b -> !r.reference().equals(b.reference()))
			.map(b -> new Slot(b.start(), b.end()))
			.toList();
		List<BookingRules.Problem> problems = rules.check(spaceRules,
				new BookingRules.Request(r.start(), r.end(), kinds, OffsetDateTime.now(), List.of()));
		if (!problems.isEmpty()) {
			return problems.get(0).code();
		}
		if (rules.conflicts(r.start(), r.end(), spaceRules.bufferMinutes(), taken)) {
			return "spaces.error.taken";
		}
		for (BookingRepository.BookingRow b : earlier) {
			if (bookings.transition(b.id(), b.status(), BookingStatus.CANCELLED, r.requestedBy())) {
				events.publishEvent(new BookingCancelled(b.id(), b.zoneId(), b.reference()));
				offers.offerFreed(b.zoneId(), b.start(), b.end());
			}
		}
		long id = bookings.insert(new BookingRepository.NewBooking(zone.id(), space.id(), space.territoryPath(),
				r.start(), r.end(), spaceRules.bufferMinutes(), BookingStatus.CONFIRMED, account.username(),
				account.username(), null, SpaceValidation.blank(r.purpose()), r.reference(), null, BookingDesk.token()));
		announce(id, zone, space, r.start(), r.end(), BookingStatus.CONFIRMED, r.reference());
		return null;
	}

	private void announce(long id, SpaceRepository.ZoneRow zone, SpaceRepository.SpaceRow space, OffsetDateTime start,
			OffsetDateTime end, BookingStatus status, String reference) {
		events.publishEvent(new BookingMade(id, zone.id(), space.id(), space.territoryPath(), start, end, status,
				reference));
	}
}

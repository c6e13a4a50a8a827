package org.jinlin.spaces;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.internal.BookingQueries;
import org.jinlin.spaces.internal.BookingRepository;
import org.jinlin.spaces.internal.FreeSlots;
import org.jinlin.spaces.internal.SpaceQueries;
import org.jinlin.spaces.internal.SpaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped queries on the spaces for other modules (the consultation module books its room here): a community's
 * spaces with their zones, a booking's summary by id, the bookings made for a reference. Callers apply their own
 * rules.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Spaces {

	private final BookingRepository bookings;

	private final SpaceQueries queries;

	private final SpaceRepository spaces;

	private final BookingQueries bookingQueries;

	/** A community's spaces (by the community's code) with their zones; empty for an unknown code. */
	public List<Space> ofCommunity(String communityCode) {
		return queries.unscoped(communityCode);
	}

	/** The zones of a kind in a community (e.g. its consultation rooms). */
	public List<Space.Zone> zonesOfKind(String communityCode, ZoneKind kind) {
		return ofCommunity(communityCode).stream().flatMap(s -> s.zones().stream()).filter(z -> z.kind() == kind)
			.toList();
	}

	/** A booking by id, whatever its status. */
	public Optional<BookingSummary> booking(long id) {
		return bookings.find(id).map(Spaces::summary);
	}

	/** The bookings made for a reference (e.g. {@code consultation:12}), by start. */
	public List<BookingSummary> byReference(String reference) {
		return bookings.byReference(reference).stream().map(Spaces::summary).toList();
	}

	/**
	 * The free hours of a zone from a day on (at most 31 days): the start of each hour inside the opening hours that
	 * is neither taken, past nor in a blackout; empty for an unknown zone.
	 */
	public List<OffsetDateTime> freeHours(long zoneId, LocalDate from, int days) {
		SpaceRepository.ZoneRow zone = spaces.zone(zoneId).orElse(null);
		if (zone == null) {
			return List.of();
		}
		SpaceRepository.SpaceRow space = spaces.find(zone.spaceId()).orElseThrow();
		int span = Math.max(1, Math.min(days, 31));
		return FreeSlots.grid(spaces.rules(space), List.of(zone), bookingQueries.taken(space.id(), from, span), from, span,
				OffsetDateTime.now()).stream()
			.flatMap(d -> d.zones().stream())
			.flatMap(z -> z.slots().stream())
			.filter(FreeSlots.Slot::free)
			.map(FreeSlots.Slot::start)
			.toList();
	}

	private static BookingSummary summary(BookingRepository.BookingRow b) {
		return new BookingSummary(b.id(), b.zoneId(), b.zoneName(), ZoneKind.valueOf(b.zoneKind()), b.spaceId(),
				b.spaceName(), b.start(), b.end(), b.status(), b.purpose(), b.reference());
	}
}

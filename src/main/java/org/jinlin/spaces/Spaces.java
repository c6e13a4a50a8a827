package org.jinlin.spaces;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.internal.BookingRepository;
import org.jinlin.spaces.internal.SpaceQueries;
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

	private static BookingSummary summary(BookingRepository.BookingRow b) {
		return new BookingSummary(b.id(), b.zoneId(), b.zoneName(), ZoneKind.valueOf(b.zoneKind()), b.spaceId(),
				b.spaceName(), b.start(), b.end(), b.status(), b.purpose(), b.reference());
	}
}

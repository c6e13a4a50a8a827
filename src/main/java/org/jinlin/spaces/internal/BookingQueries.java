package org.jinlin.spaces.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bookings as their users read them: one's own bookings and waitlist offers; a booking (her own, or staff of
 * its community); the bookings of a community (staff, 404 outside the jurisdiction); the taken slots of a space
 * (public: times and zones only).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class BookingQueries {

	private final BookingRepository bookings;

	private final SpaceRepository spaces;

	private final SpaceQueries spaceQueries;

	public BookingRepository.BookingRow find(long id) {
		Actor actor = SpaceAccess.booker();
		return bookings.find(id)
			.filter(b -> b.username().equals(actor.name()) || BookingDesk.staffOf(actor, b.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No booking " + id));
	}

	/** The actor's bookings, latest first. */
	public List<BookingRepository.BookingRow> mine() {
		return bookings.of(SpaceAccess.booker().name(), 200);
	}

	/** The actor's open waitlist entries, offers among them. */
	public List<BookingRepository.WaitRow> myWaits() {
		return bookings.waitsOf(SpaceAccess.booker().name());
	}

	/** The bookings of a community's spaces from a day, for its staff (404 outside the jurisdiction). */
	public List<BookingRepository.BookingRow> ofCommunity(String code, LocalDate from, int days) {
		Actor actor = SpaceAccess.runner();
		TerritoryNode community = spaceQueries.community(code);
		if (!actor.covers(community.path())) {
			throw new NotFoundException("No community " + code);
		}
		OffsetDateTime start = SpaceTime.plausible(from).atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		return bookings.under(community.path(), start, start.plusDays(Math.max(1, Math.min(days, 62))), 2000);
	}

	/** The slots taken in a space on a day (no personal data): for the public page and the booking calendar. */
	public List<TakenSlot> taken(long spaceId, LocalDate from, int days) {
		spaces.find(spaceId).orElseThrow(() -> new NotFoundException("No space " + spaceId));
		OffsetDateTime start = SpaceTime.plausible(from).atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		return bookings.activeInSpace(spaceId, start, start.plusDays(Math.max(1, Math.min(days, 62)))).stream()
			.map(b -> new TakenSlot(b.zoneId(), b.zoneName(), b.start(), b.end()))
			.toList();
	}

	/** A taken slot of a zone. */
	public record TakenSlot(long zoneId, String zoneName, OffsetDateTime start, OffsetDateTime end) {
	}
}

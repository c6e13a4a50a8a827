package org.jinlin.spaces.internal;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's view of a community's spaces: the bookings to approve and check in, and the utilisation of each
 * space's zones over the last 30 days with the bookings behind each figure. Staff covering the community; another
 * community is 404, non-staff 403.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SpaceDesk {

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final SpaceQueries queries;

	private final org.jinlin.territory.Territories territories;

	/** A space of the community with its zones' figures. */
	public record SpaceFigures(SpaceRepository.SpaceRow space, List<Utilisation.ZoneFigures> zones) {

		public double bookedHours() {
			return zones.stream().mapToDouble(Utilisation.ZoneFigures::bookedHours).sum();
		}

		public double openHours() {
			return zones.stream().mapToDouble(Utilisation.ZoneFigures::openHours).sum();
		}

		public Integer percent() {
			return openHours() == 0 ? null : (int) Math.round(bookedHours() * 100 / openHours());
		}

		public int noShows() {
			return zones.stream().mapToInt(Utilisation.ZoneFigures::noShows).sum();
		}
	}

	/**
	 * The place the desk shows: a community by code inside the staff member's jurisdiction (404 outside), or without
	 * a code her whole jurisdiction.
	 */
	public TerritoryNode community(String code) {
		Actor actor = SpaceAccess.runner();
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId())
				.orElseThrow(() -> new NotFoundException("No territory " + actor.territoryId()));
		}
		TerritoryNode node = queries.community(code);
		if (!actor.covers(node.path())) {
			throw new NotFoundException("No community " + code);
		}
		return node;
	}

	/** The community's bookings from today for a week, soonest first. */
	public List<BookingRepository.BookingRow> upcoming(String code) {
		TerritoryNode community = community(code);
		LocalDate today = LocalDate.now(SpaceTime.ZONE);
		var from = today.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		return bookings.under(community.path(), from, from.plusDays(7), 500);
	}

	/** Utilisation of each space of the place over the 30 days before today. */
	public List<SpaceFigures> utilisation(String code) {
		TerritoryNode community = community(code);
		LocalDate to = LocalDate.now(SpaceTime.ZONE);
		LocalDate from = to.minusDays(30);
		var start = from.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime();
		List<BookingRepository.BookingRow> all = bookings.under(community.path(), start,
				to.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime(), 20_000);
		return spaces.under(community.path()).stream().map(s -> {
			SpaceRules rules = s.rules();
			return new SpaceFigures(s, spaces.zones(List.of(s.id())).stream()
				.map(z -> Utilisation.of(z, rules, all, from, to)).toList());
		}).toList();
	}
}

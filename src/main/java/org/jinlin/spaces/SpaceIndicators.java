package org.jinlin.spaces;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.spaces.internal.BookingRepository;
import org.jinlin.spaces.internal.BookingRepository.BookingRow;
import org.jinlin.spaces.internal.SpaceAccess;
import org.jinlin.spaces.internal.SpaceDesk;
import org.jinlin.spaces.internal.SpaceRepository;
import org.jinlin.spaces.internal.SpaceRepository.SpaceRow;
import org.jinlin.spaces.internal.SpaceTime;
import org.jinlin.spaces.internal.Utilisation;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spaces' utilisation figures over the 30 days before today, for a place inside the current staff member's
 * jurisdiction (a territory by code, her own node when none is given): the {@link SpaceFigure} of each
 * {@link SpaceIndicator} for the whole place, per community and per space, and the bookings each figure counts, whose
 * total is the figure's {@code counted}. Staff only (403 otherwise); a place or space outside the
 * jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SpaceIndicators {

	static final int DAYS = 30;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Set<BookingStatus> DUE = Set.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
			BookingStatus.RELEASED);

	private final SpaceDesk desk;

	private final SpaceRepository spaces;

	private final BookingRepository bookings;

	private final Territories territories;

	/** The figures of a community or of a space. */
	public record Line(String name, String communityCode, Long spaceId, List<SpaceFigure> figures) {
	}

	/** The place's figures in total, per community and per space, over [from, to). */
	public record Report(TerritoryNode place, LocalDate from, LocalDate to, List<SpaceFigure> total,
			List<Line> communities, List<Line> spaces) {
	}

	private record Scope(TerritoryNode place, List<SpaceRow> spaces, List<BookingRow> bookings, LocalDate from,
			LocalDate to, Map<Long, Long> zonesPerSpace) {

		Scope only(Predicate<SpaceRow> which) {
			List<SpaceRow> kept = spaces.stream().filter(which).toList();
			Set<Long> ids = kept.stream().map(SpaceRow::id).collect(Collectors.toSet());
			return new Scope(place, kept, bookings.stream().filter(b -> ids.contains(b.spaceId())).toList(), from, to,
					zonesPerSpace);
		}
	}

	public Report report(String territoryCode) {
		Scope scope = scope(territoryCode, null);
		Map<String, List<SpaceRow>> byCommunity = new LinkedHashMap<>();
		scope.spaces().forEach(s -> byCommunity.computeIfAbsent(s.communityCode(), c -> new ArrayList<>()).add(s));
		List<Line> communities = byCommunity.entrySet().stream()
			.map(e -> new Line(communityName(e.getValue().get(0)), e.getKey(), null,
					figures(scope.only(s -> s.communityCode().equals(e.getKey())))))
			.toList();
		List<Line> perSpace = scope.spaces().stream()
			.map(s -> new Line(s.name(), s.communityCode(), s.id(), figures(scope.only(x -> x.id() == s.id()))))
			.toList();
		return new Report(scope.place(), scope.from(), scope.to(), figures(scope), communities, perSpace);
	}

	/** One figure of the place (a territory code, or the account's own node), or of one of its spaces. */
	public SpaceFigure figure(SpaceIndicator indicator, String territoryCode, Long spaceId) {
		return figure(indicator, scope(territoryCode, spaceId));
	}

	/** The bookings the figure counts, soonest first; {@code met} marks the numerator's. No personal data. */
	public Paged<CountedRecord> records(SpaceIndicator indicator, String territoryCode, Long spaceId, int page,
			int size) {
		List<BookingRow> counted = counted(indicator, scope(territoryCode, spaceId).bookings());
		List<CountedRecord> items = counted.stream().skip((long) Math.max(page, 0) * size).limit(size)
			.map(b -> new CountedRecord(b.id(), b.spaceName() + " · " + b.zoneName() + " · "
					+ WHEN.format(b.start().atZoneSameInstant(SpaceTime.ZONE)),
					b.spaceName(), b.start().toInstant(), met(indicator, b), "/spaces/" + b.spaceId() + "?day="
							+ b.start().atZoneSameInstant(SpaceTime.ZONE).toLocalDate()))
			.toList();
		return new Paged<>(items, page, size, counted.size());
	}

	private List<SpaceFigure> figures(Scope scope) {
		return List.of(SpaceIndicator.values()).stream().map(i -> figure(i, scope)).toList();
	}

	private SpaceFigure figure(SpaceIndicator indicator, Scope scope) {
		List<BookingRow> counted = counted(indicator, scope.bookings());
		long met = counted.stream().filter(b -> met(indicator, b)).count();
		return switch (indicator) {
			case UTILISATION -> {
				double booked = counted.stream().mapToLong(b -> Duration.between(b.start(), b.end()).toMinutes()).sum()
						/ 60.0;
				double open = scope.spaces().stream()
					.mapToDouble(s -> scope.zonesPerSpace().getOrDefault(s.id(), 0L)
							* Utilisation.openHours(spaces.rules(s), scope.from(), scope.to()))
					.sum();
				Double percent = open == 0 ? null : Math.round(booked * 1000 / open) / 10.0;
				yield new SpaceFigure(indicator, percent, counted.size(), met, booked, open);
			}
			case CHECK_IN_RATE -> new SpaceFigure(indicator, new Tally(met, counted.size()).percent(), counted.size(),
					met, 0, 0);
			case NO_SHOWS_RELEASED -> new SpaceFigure(indicator, (double) counted.size(), counted.size(), met, 0, 0);
		};
	}

	static List<BookingRow> counted(SpaceIndicator indicator, List<BookingRow> all) {
		return all.stream().filter(b -> switch (indicator) {
			case UTILISATION -> b.status().active();
			case CHECK_IN_RATE -> DUE.contains(b.status());
			case NO_SHOWS_RELEASED -> b.status() == BookingStatus.RELEASED;
		}).toList();
	}

	static boolean met(SpaceIndicator indicator, BookingRow b) {
		return indicator != SpaceIndicator.CHECK_IN_RATE || b.status() == BookingStatus.CHECKED_IN;
	}

	private Scope scope(String territoryCode, Long spaceId) {
		TerritoryNode place = place(territoryCode);
		List<SpaceRow> under = spaces.under(place.path());
		if (spaceId != null) {
			under = under.stream().filter(s -> s.id() == spaceId).toList();
			if (under.isEmpty()) {
				throw new NotFoundException("No space " + spaceId + " in " + place.code());
			}
		}
		LocalDate to = LocalDate.now(SpaceTime.ZONE);
		LocalDate from = to.minusDays(DAYS);
		Map<Long, Long> zones = spaces.zones(under.stream().map(SpaceRow::id).toList()).stream()
			.collect(Collectors.groupingBy(SpaceRepository.ZoneRow::spaceId, Collectors.counting()));
		Set<Long> ids = zones.keySet();
		List<BookingRow> rows = under.isEmpty() ? List.of()
				: bookings.under(place.path(), from.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime(),
						to.atStartOfDay(SpaceTime.ZONE).toOffsetDateTime(), 50_000)
					.stream().filter(b -> ids.contains(b.spaceId())).toList();
		return new Scope(place, under, rows, from, to, zones);
	}

	/** A territory by code inside the staff member's jurisdiction (404 outside), or without a code her own node. */
	private TerritoryNode place(String code) {
		if (code == null || code.isBlank()) {
			return desk.community(null);
		}
		Actor actor = SpaceAccess.runner();
		return territories.lookupByCode(code.trim()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory " + code));
	}

	private String communityName(SpaceRow space) {
		return territories.lookup(space.territoryId()).map(TerritoryNode::name).orElse(space.communityCode());
	}
}

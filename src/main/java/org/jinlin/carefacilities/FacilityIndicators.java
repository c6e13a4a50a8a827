package org.jinlin.carefacilities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.internal.CareFacilityAccess;
import org.jinlin.carefacilities.internal.CareFacilityQueries;
import org.jinlin.carefacilities.internal.CareFacilityRepository;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facility indicators for other modules (the quality cockpit): for a territory inside the current staff member's
 * jurisdiction, the {@link FacilityFigure} of a {@link FacilityIndicator} today (the same beds and coverage as the
 * statistics, {@code /api/v1/eldercare/statistics}) and the records it counts, whose total is the figure's
 * {@code count}. Staff only (403 otherwise); a territory outside the jurisdiction is not found (404).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class FacilityIndicators {

	private final CareFacilityRepository repository;

	private final CareFacilityQueries queries;

	private final Territories territories;

	/** The indicator's figure today for the territory (the account's own node when {@code null}). */
	public FacilityFigure figure(FacilityIndicator indicator, String territoryCode) {
		TerritoryNode node = node(territoryCode);
		return switch (indicator) {
			case BEDS_PER_THOUSAND -> {
				List<CareFacilityRepository.BedRow> rows = repository.operatingWithBeds(node.path());
				long beds = rows.stream().mapToLong(CareFacilityRepository.BedRow::beds).sum();
				yield new FacilityFigure(indicator, perThousand(beds, node.elderlyPopulation()), rows.size(), rows.size());
			}
			case STATION_COVERAGE -> {
				List<TerritoryNode> communities = communities(node);
				Set<Long> covered = repository.coveredCommunities(node.path());
				Tally tally = new Tally(communities.stream().filter(c -> covered.contains(c.id())).count(),
						communities.size());
				yield new FacilityFigure(indicator, tally.percent(), tally.counted(), tally.met());
			}
		};
	}

	/** The records the figure counts: the facilities with beds, or the communities (met: covered). */
	public Paged<CountedRecord> records(FacilityIndicator indicator, String territoryCode, int page, int size) {
		TerritoryNode node = node(territoryCode);
		return switch (indicator) {
			case BEDS_PER_THOUSAND -> {
				List<CareFacilityRepository.BedRow> rows = repository.operatingWithBeds(node.path());
				Map<Long, String> places = new HashMap<>();
				List<CountedRecord> items = rows.stream().skip((long) page * size).limit(size)
					.map(r -> new CountedRecord(r.id(), r.name() + " (" + r.beds() + ")",
							places.computeIfAbsent(r.territoryId(),
									id -> territories.lookup(id).map(TerritoryNode::name).orElse(null)),
							null, true, "/eldercare/facilities/" + r.id()))
					.toList();
				yield new Paged<>(items, page, size, rows.size());
			}
			case STATION_COVERAGE -> {
				List<TerritoryNode> communities = communities(node);
				Set<Long> covered = repository.coveredCommunities(node.path());
				List<CountedRecord> items = communities.stream().skip((long) page * size).limit(size)
					.map(c -> new CountedRecord(c.id(), c.name(), c.code(), null, covered.contains(c.id()),
							"/eldercare/facilities?territory=" + c.code()))
					.toList();
				yield new Paged<>(items, page, size, communities.size());
			}
		};
	}

	/** Beds per 1,000 elderly, one decimal; {@code null} without an elderly population to divide by. */
	static Double perThousand(long beds, Long elderly) {
		return elderly == null || elderly == 0 ? null
				: BigDecimal.valueOf(beds).multiply(BigDecimal.valueOf(1000))
					.divide(BigDecimal.valueOf(elderly), 1, RoundingMode.HALF_UP).doubleValue();
	}

	private TerritoryNode node(String territoryCode) {
		Actor actor = CareFacilityAccess.reader();
		return queries.scope(actor, territoryCode);
	}

	private List<TerritoryNode> communities(TerritoryNode node) {
		return node.level() == TerritoryLevel.COMMUNITY ? List.of(node)
				: node.level().ordinal() > TerritoryLevel.COMMUNITY.ordinal() ? List.of()
						: territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, node.path());
	}
}

package org.jinlin.carefacilities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.shared.Actor;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link FacilityStatistics} from the facility records and the territory's official elderly
 * population: one grouped query over the operating facilities in the subtree, one over the served areas.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CareFacilityFigures {

	private final CareFacilityRepository repository;

	private final CareFacilityQueries queries;

	private final Territories territories;

	/** Statistics of a node inside the caller's jurisdiction (404 outside, 403 for non-staff). */
	public FacilityStatistics statistics(String code) {
		Actor actor = CareFacilityAccess.reader();
		if (code == null || code.isBlank()) {
			throw ValidationFailedException.field("territory", "territory is required");
		}
		TerritoryNode node = queries.scope(actor, code);
		return of(node, repository.operatingTallies(node.path()));
	}

	/** Statistics of the caller's own jurisdiction (or a node inside it) with the breakdown by child node. */
	public Report report(String code) {
		Actor actor = CareFacilityAccess.reader();
		TerritoryNode node = queries.scope(actor, code);
		List<CareFacilityRepository.Tally> tallies = repository.operatingTallies(node.path());
		FacilityStatistics total = of(node, tallies);
		List<ChildFigures> children = new ArrayList<>();
		TerritoryLevel childLevel = node.level().childLevel();
		if (childLevel != null && childLevel.ordinal() <= TerritoryLevel.COMMUNITY.ordinal()) {
			Map<Long, ChildFigures> byId = new LinkedHashMap<>();
			for (TerritoryNode c : territories.lookupLevelUnder(childLevel, node.path())) {
				byId.put(c.id(), new ChildFigures(c.code(), c.name(), new EnumMap<>(FacilityKind.class), new long[1]));
			}
			int depth = node.ancestorIds().size();
			for (CareFacilityRepository.Tally t : tallies) {
				List<Long> ids = pathIds(t.territoryPath());
				if (ids.size() <= depth) {
					continue; // a facility at the node itself
				}
				ChildFigures c = byId.get(ids.get(depth));
				if (c != null) {
					c.counts().merge(t.kind(), t.count(), Long::sum);
					c.beds()[0] += t.beds();
				}
			}
			children.addAll(byId.values());
		}
		return new Report(node, total, children);
	}

	/** The figures of a node and the figures of each child node. */
	public record Report(TerritoryNode node, FacilityStatistics total, List<ChildFigures> children) {
	}

	/** One child node's operating facilities by kind and beds. */
	public record ChildFigures(String code, String name, Map<FacilityKind, Long> counts, long[] beds) {

		public long count(FacilityKind kind) {
			return counts.getOrDefault(kind, 0L);
		}

		public long bedTotal() {
			return beds[0];
		}
	}

	private FacilityStatistics of(TerritoryNode node, List<CareFacilityRepository.Tally> tallies) {
		Map<FacilityKind, Long> counts = new EnumMap<>(FacilityKind.class);
		long beds = 0;
		long occupied = 0;
		long family = 0;
		long inclusive = 0;
		for (CareFacilityRepository.Tally t : tallies) {
			counts.merge(t.kind(), t.count(), Long::sum);
			beds += t.beds();
			occupied += t.bedsOccupied();
			family += t.familyCareBeds();
			inclusive += t.inclusiveBeds();
		}
		List<TerritoryNode> communities = node.level() == TerritoryLevel.COMMUNITY ? List.of(node)
				: node.level().ordinal() > TerritoryLevel.COMMUNITY.ordinal() ? List.of()
						: territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, node.path());
		Set<Long> covered = repository.coveredCommunities(node.path());
		long served = communities.stream().filter(c -> covered.contains(c.id())).count();
		Double coverage = communities.isEmpty() ? null
				: BigDecimal.valueOf(served).divide(BigDecimal.valueOf(communities.size()), 4, RoundingMode.HALF_UP)
					.doubleValue();
		Long elderly = node.elderlyPopulation();
		Double perThousand = elderly == null || elderly == 0 ? null
				: BigDecimal.valueOf(beds).multiply(BigDecimal.valueOf(1000))
					.divide(BigDecimal.valueOf(elderly), 1, RoundingMode.HALF_UP).doubleValue();
		return new FacilityStatistics(node.code(), node.name(), n(counts, FacilityKind.CARE_INSTITUTION),
				n(counts, FacilityKind.DAY_CARE_CENTRE), n(counts, FacilityKind.SERVICE_STATION),
				n(counts, FacilityKind.RURAL_HAPPINESS_HOME), n(counts, FacilityKind.ELDER_CANTEEN),
				n(counts, FacilityKind.DEMONSTRATION_POINT), n(counts, FacilityKind.RURAL_REGIONAL_CENTRE), beds, occupied,
				family, inclusive, elderly, perThousand, communities.size(), served, coverage);
	}

	private static long n(Map<FacilityKind, Long> counts, FacilityKind kind) {
		return counts.getOrDefault(kind, 0L);
	}

	private static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String s : path.split("/")) {
			if (!s.isEmpty()) {
				ids.add(Long.valueOf(s));
			}
		}
		return ids;
	}
}

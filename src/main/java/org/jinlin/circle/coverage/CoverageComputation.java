package org.jinlin.circle.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.circle.network.WalkingProfile;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * One coverage computation over the whole city, in memory: place facilities and buildings on the walking
 * network, one multi-source search per category, then the per-building and per-community results.
 * <p>
 * Rules: a building's population is its community's population shared equally among the community's
 * buildings; a community's walk to a category is the median of its buildings' walks (population-weighted,
 * which with equal shares is the plain median); a building or community is covered when every required
 * category is within the threshold. A building not on the walking network (no street of the connected network
 * within the snapping distance) has no walks at all and is not covered; it is reported apart with its distance to
 * the network, and a community's median walks are those of its buildings on the network.
 */
@Component
@RequiredArgsConstructor
class CoverageComputation {

	private final Territories territories;

	private final NetworkHolder networks;

	private final CategoryCatalogue catalogue;

	private final FacilityLocations facilities;

	private final CircleSettings settings;

	/**
	 * The outcome, ready to be written. {@code accessMetres[i]}: metres from building i to the street it is placed
	 * on, or for a building not on the network ({@code offNetwork[i]}) to the nearest street of the network (NaN when
	 * none is found around it).
	 */
	record Outcome(LoadedNetwork network, List<FacilityCategory> categories, List<TerritoryNode> buildings,
			Map<Long, TerritoryNode> communityOf, int[][] seconds, double[] population, double[] accessMetres,
			boolean[] offNetwork, int placedFacilities, int facilitiesOffNetwork, Placed placed) {
	}

	/**
	 * What the incremental updates (what-if) need besides the results: the buildings as origins, each category's
	 * facilities by key as they enter the network, the origins' placements (by building index) and the cutoff, and
	 * every operating facility by key as it was read (those not on the network too).
	 */
	record Placed(CoverageEngine.Origins origins, LoadedNetwork.Placement[] originPlacements,
			List<Map<String, IncrementalCoverage.Facility>> facilities, int cutoffMillis,
			Map<String, PlacedFacility> operating) {

		/** A facility at a placement: its entries and the direct walks of the origins on its street. */
		IncrementalCoverage.Facility facility(LoadedNetwork network, LoadedNetwork.Placement f,
				Map<Integer, List<Integer>> originsOnEdge) {
			List<int[]> entries = new ArrayList<>();
			if (f.nodeA() >= 0) {
				entries.add(new int[] { f.nodeA(), f.millisA() });
			}
			if (f.nodeB() >= 0) {
				entries.add(new int[] { f.nodeB(), f.millisB() });
			}
			// Along one street: a facility on a building's own street may be closer than via either end.
			List<int[]> direct = new ArrayList<>();
			for (int i : originsOnEdge.getOrDefault(f.edge(), List.of())) {
				LoadedNetwork.Placement o = originPlacements[i];
				boolean forwards = f.alongMetres() >= o.alongMetres();
				if (forwards ? o.forward() : o.backward()) {
					int walk = network.walk()
						.millis(o.accessMetres() + Math.abs(f.alongMetres() - o.alongMetres()) + f.accessMetres());
					if (walk <= cutoffMillis) {
						direct.add(new int[] { i, walk });
					}
				}
			}
			return new IncrementalCoverage.Facility(entries.stream().mapToInt(e -> e[0]).toArray(),
					entries.stream().mapToInt(e -> e[1]).toArray(), direct.stream().mapToInt(d -> d[0]).toArray(),
					direct.stream().mapToInt(d -> d[1]).toArray());
		}

		/** The building indices on each street. */
		Map<Integer, List<Integer>> originsOnEdge() {
			Map<Integer, List<Integer>> out = new HashMap<>();
			for (int i = 0; i < originPlacements.length; i++) {
				if (originPlacements[i] != null) {
					out.computeIfAbsent(originPlacements[i].edge(), e -> new ArrayList<>()).add(i);
				}
			}
			return out;
		}
	}

	Outcome compute(BiConsumer<Integer, String> progress) {
		return compute(WalkingProfile.STANDARD, progress);
	}

	/** The outcome for a walking profile (the elder profile walks slower, and steps cost it more). */
	Outcome compute(WalkingProfile profile, BiConsumer<Integer, String> progress) {
		List<TerritoryNode> buildings = territories.lookupLevelUnder(TerritoryLevel.BUILDING, "/")
			.stream()
			.filter(b -> b.latitude() != null && b.longitude() != null)
			.toList();
		Map<Long, TerritoryNode> communities = new HashMap<>();
		for (TerritoryNode c : territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, "/")) {
			communities.put(c.id(), c);
		}
		LoadedNetwork network = networks.current(buildings)
			.forProfile(profile, settings.elder().walkingSpeedKmh(), settings.elder().stepsFactor());
		progress.accept(10, "placing");
		List<FacilityCategory> categories = catalogue.all();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < categories.size(); i++) {
			index.put(categories.get(i).code(), i);
		}
		double maxSnap = settings.network().maxSnapMetres();
		int n = buildings.size();
		int[] a = new int[n];
		int[] ma = new int[n];
		int[] b = new int[n];
		int[] mb = new int[n];
		double[] access = new double[n];
		boolean[] off = new boolean[n];
		LoadedNetwork.Placement[] origin = new LoadedNetwork.Placement[n];
		Map<Long, Integer> buildingsPerCommunity = new HashMap<>();
		Map<Long, TerritoryNode> communityOf = new HashMap<>();
		for (int i = 0; i < n; i++) {
			TerritoryNode building = buildings.get(i);
			TerritoryNode community = community(building, communities);
			if (community != null) {
				communityOf.put(building.id(), community);
				buildingsPerCommunity.merge(community.id(), 1, Integer::sum);
			}
			LoadedNetwork.Placement p = network.origin(building.latitude(), building.longitude(), maxSnap);
			origin[i] = p;
			off[i] = p == null;
			a[i] = p == null ? -1 : p.nodeA();
			ma[i] = p == null ? 0 : p.millisA();
			b[i] = p == null ? -1 : p.nodeB();
			mb[i] = p == null ? 0 : p.millisB();
			access[i] = p != null ? p.accessMetres() : network.metresToNetwork(building.latitude(), building.longitude());
		}
		int cutoff = settings.cutoffSeconds() * 1000;
		CoverageEngine.Origins origins = new CoverageEngine.Origins(a, ma, b, mb);
		Placed placedState = new Placed(origins, origin, new ArrayList<>(), cutoff, new java.util.LinkedHashMap<>());
		categories.forEach(c -> placedState.facilities().add(new java.util.LinkedHashMap<>()));
		Map<Integer, List<Integer>> originsOnEdge = placedState.originsOnEdge();
		int placed = 0;
		int facilitiesOff = 0;
		for (PlacedFacility f : facilities.operating()) {
			placedState.operating().put(f.key(), f);
			Integer c = index.get(f.category());
			if (c == null) {
				continue;
			}
			LoadedNetwork.Placement p = network.destination(f.latitude(), f.longitude(), maxSnap);
			if (p == null) {
				facilitiesOff++;
				continue;
			}
			placed++;
			placedState.facilities().get(c).put(f.key(), placedState.facility(network, p, originsOnEdge));
		}
		List<CoverageEngine.Sources> sources = placedState.facilities().stream().map(CoverageComputation::sources).toList();
		progress.accept(20, "searching");
		int total = Math.max(1, categories.size());
		int[][] millis = CoverageEngine.nearest(network.walk(), sources, origins, cutoff,
				Runtime.getRuntime().availableProcessors(), done -> progress.accept(20 + 65 * done / total, "searching"));
		for (int c = 0; c < categories.size(); c++) {
			for (IncrementalCoverage.Facility f : placedState.facilities().get(c).values()) {
				for (int k = 0; k < f.directOrigins().length; k++) {
					int i = f.directOrigins()[k];
					int direct = f.directMillis()[k];
					if (millis[c][i] == CoverageEngine.BEYOND || direct < millis[c][i]) {
						millis[c][i] = direct;
					}
				}
			}
		}
		int[][] seconds = new int[categories.size()][n];
		for (int c = 0; c < categories.size(); c++) {
			for (int i = 0; i < n; i++) {
				seconds[c][i] = millis[c][i] == CoverageEngine.BEYOND ? -1 : (millis[c][i] + 500) / 1000;
			}
		}
		double[] population = new double[n];
		for (int i = 0; i < n; i++) {
			TerritoryNode community = communityOf.get(buildings.get(i).id());
			if (community != null && community.population() != null) {
				population[i] = community.population() / (double) buildingsPerCommunity.get(community.id());
			}
		}
		return new Outcome(network, categories, buildings, communityOf, seconds, population, access, off, placed,
				facilitiesOff, placedState);
	}

	/** One category's facilities as the sources of its search. */
	static CoverageEngine.Sources sources(Map<String, IncrementalCoverage.Facility> facilities) {
		int size = facilities.values().stream().mapToInt(f -> f.nodes().length).sum();
		int[] nodes = new int[size];
		int[] offsets = new int[size];
		int k = 0;
		for (IncrementalCoverage.Facility f : facilities.values()) {
			for (int i = 0; i < f.nodes().length; i++, k++) {
				nodes[k] = f.nodes()[i];
				offsets[k] = f.offsetMillis()[i];
			}
		}
		return new CoverageEngine.Sources(nodes, offsets);
	}

	private static TerritoryNode community(TerritoryNode building, Map<Long, TerritoryNode> communities) {
		for (Long id : building.ancestorIds()) {
			TerritoryNode c = communities.get(id);
			if (c != null) {
				return c;
			}
		}
		return null;
	}

	/** The median of walks in seconds, -1 (beyond the cutoff) counting as the longest; -1 if the median is beyond. */
	static int median(int[] walks) {
		if (walks.length == 0) {
			return -1;
		}
		long[] sorted = Arrays.stream(walks).mapToLong(w -> w < 0 ? Long.MAX_VALUE : w).sorted().toArray();
		long m = sorted[(sorted.length - 1) / 2];
		return m == Long.MAX_VALUE ? -1 : (int) m;
	}
}

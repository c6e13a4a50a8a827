package org.jinlin.circle.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.circle.network.SyntheticStreets;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;

/**
 * The what-if updates as the application places things (buildings and facilities snapped to streets, two entry
 * nodes with offsets, walks along a building's own street, one-way streets): after every step of a seeded random
 * sequence of facilities added, moved and closed, the incremental seconds equal a full coverage computation on the
 * facilities of that moment.
 */
class WhatIfTests {

	private final LoadedNetwork network = SyntheticStreets.withFragment(200);

	private final CircleSettings settings = new CircleSettings(4.0, Duration.ofMinutes(15), Duration.ofMinutes(30), 0.8,
			LocalDate.of(2025, 12, 31), new CircleSettings.Network("", "target/graph-cache", 200, 300.0), false);

	private final List<FacilityCategory> categories = List.of(
			new FacilityCategory("SUPERMARKET", "超市", "Supermarket", true, true, 1),
			new FacilityCategory("PHARMACY", "药店", "Pharmacy", true, true, 2));

	@Test
	void incrementalSecondsEqualAFullComputationAfterEveryStepOfRandomChanges() {
		SplittableRandom random = new SplittableRandom(42);
		List<TerritoryNode> buildings = new ArrayList<>();
		List<TerritoryNode> communities = new ArrayList<>();
		for (int c = 0; c < 4; c++) {
			communities.add(new TerritoryNode(10 + c, 1L, TerritoryLevel.COMMUNITY, false, "C" + c, "社区" + c,
					"/1/" + (10 + c) + "/", null, null, 1000L, null));
		}
		for (int i = 0; i < 160; i++) {
			long community = 10 + i % 4;
			buildings.add(new TerritoryNode(100 + i, community, TerritoryLevel.BUILDING, false, "B" + i, i + "号楼",
					"/1/" + community + "/" + (100 + i) + "/", SyntheticStreets.lat(random.nextDouble() * 1900),
					SyntheticStreets.lon(random.nextDouble() * 1900), null, null));
		}
		Map<String, PlacedFacility> facilities = new LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			PlacedFacility f = site(random, "circle:" + i, i % 2 == 0 ? "SUPERMARKET" : "PHARMACY");
			facilities.put(f.key(), f);
		}
		CoverageComputation.Outcome first = compute(buildings, communities, facilities);
		WhatIfService.Snapshot snapshot = new WhatIfService.Snapshot(1, first);
		int nextId = 100;
		int changedSeconds = 0;
		for (int step = 0; step < 60; step++) {
			String category = random.nextBoolean() ? "SUPERMARKET" : "PHARMACY";
			int c = snapshot.category(category);
			List<String> keys = facilities.values().stream().filter(f -> f.category().equals(category))
				.map(PlacedFacility::key).toList();
			int action = keys.isEmpty() ? 0 : random.nextInt(3);
			IncrementalCoverage index = snapshot.index(c);
			int[] before = index.walks();
			if (action == 0 || action == 1) {
				String key = action == 0 ? "circle:" + nextId++ : keys.get(random.nextInt(keys.size()));
				PlacedFacility moved = site(random, key, category);
				LoadedNetwork.Placement p = network.destination(moved.latitude(), moved.longitude(), 300);
				IncrementalCoverage.Facility f = first.placed().facility(network, p, snapshot.originsOnEdge);
				int intKey = snapshot.keys.get(c).computeIfAbsent(key, k -> snapshot.keys.get(c).size());
				index.commit(action == 1 ? intKey : -1, intKey, f);
				facilities.put(key, moved);
			}
			else {
				String key = keys.get(random.nextInt(keys.size()));
				index.commit(snapshot.keys.get(c).get(key), -1, null);
				facilities.remove(key);
			}
			CoverageComputation.Outcome full = compute(buildings, communities, facilities);
			int[] incremental = index.walks();
			for (int i = 0; i < buildings.size(); i++) {
				int seconds = incremental[i] < 0 ? -1 : (incremental[i] + 500) / 1000;
				assertThat(seconds).as("step %d, %s, building %d", step, category, i).isEqualTo(full.seconds()[c][i]);
				changedSeconds += before[i] != incremental[i] ? 1 : 0;
			}
		}
		assertThat(changedSeconds).as("the changes changed walks").isGreaterThan(50);
	}

	private PlacedFacility site(SplittableRandom random, String key, String category) {
		return new PlacedFacility(key, category, key, SyntheticStreets.lat(random.nextDouble() * 1900),
				SyntheticStreets.lon(random.nextDouble() * 1900));
	}

	private CoverageComputation.Outcome compute(List<TerritoryNode> buildings, List<TerritoryNode> communities,
			Map<String, PlacedFacility> facilities) {
		Territories territories = mock(Territories.class);
		when(territories.lookupLevelUnder(eq(TerritoryLevel.BUILDING), any())).thenReturn(buildings);
		when(territories.lookupLevelUnder(eq(TerritoryLevel.COMMUNITY), any())).thenReturn(communities);
		NetworkHolder holder = mock(NetworkHolder.class);
		when(holder.current(anyList())).thenReturn(network);
		CategoryCatalogue catalogue = mock(CategoryCatalogue.class);
		when(catalogue.all()).thenReturn(categories);
		FacilityLocations locations = mock(FacilityLocations.class);
		when(locations.operating()).thenReturn(List.copyOf(facilities.values()));
		return new CoverageComputation(territories, holder, catalogue, locations, settings).compute((p, stage) -> {
		});
	}
}

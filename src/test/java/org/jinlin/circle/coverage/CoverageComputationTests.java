package org.jinlin.circle.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.facilities.CategoryCatalogue;
import org.jinlin.circle.facilities.FacilityCategory;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.circle.facilities.PlacedFacility;
import org.jinlin.circle.network.LoadedNetwork;
import org.jinlin.circle.network.NetworkHolder;
import org.jinlin.circle.network.SyntheticStreets;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;

/**
 * A coverage computation on a network with a fragment cut off from it: a building next to the fragment walks on the
 * main network, a building far from every street is not on the network (with its distance, and no walks), and so is a
 * facility far from it.
 */
class CoverageComputationTests {

	static TerritoryNode building(long id, double x, double y) {
		return new TerritoryNode(id, 10L, TerritoryLevel.BUILDING, false, "B" + id, id + "号楼", "/1/10/" + id + "/",
				SyntheticStreets.lat(y), SyntheticStreets.lon(x), null, null);
	}

	@Test
	void aBuildingOffTheNetworkHasItsDistanceAndNoWalksOneNextToAFragmentWalksOnTheNetwork() {
		LoadedNetwork network = SyntheticStreets.withFragment(200);
		List<TerritoryNode> buildings = List.of(building(101, 950, 950), building(102, 1000, 1940),
				building(103, 1000, -450));
		TerritoryNode community = new TerritoryNode(10, 1L, TerritoryLevel.COMMUNITY, false, "C10", "社区", "/1/10/", null,
				null, 900L, null);
		Territories territories = mock(Territories.class);
		when(territories.lookupLevelUnder(eq(TerritoryLevel.BUILDING), any())).thenReturn(buildings);
		when(territories.lookupLevelUnder(eq(TerritoryLevel.COMMUNITY), any())).thenReturn(List.of(community));
		NetworkHolder holder = mock(NetworkHolder.class);
		when(holder.current(anyList())).thenReturn(network);
		CategoryCatalogue catalogue = mock(CategoryCatalogue.class);
		when(catalogue.all()).thenReturn(List.of(new FacilityCategory("SUPERMARKET", "超市", "Supermarket", true, true, 1)));
		FacilityLocations facilities = mock(FacilityLocations.class);
		when(facilities.operating()).thenReturn(List.of(
				new PlacedFacility("f1", "SUPERMARKET", "北边超市", SyntheticStreets.lat(1850), SyntheticStreets.lon(1010)),
				new PlacedFacility("f2", "SUPERMARKET", "山里超市", SyntheticStreets.lat(3000), SyntheticStreets.lon(1000))));
		CircleSettings settings = new CircleSettings(4.0, Duration.ofMinutes(15), Duration.ofMinutes(30), 0.8,
				LocalDate.of(2025, 12, 31), new CircleSettings.Network("", "target/graph-cache", 200, 300.0), false);

		CoverageComputation.Outcome o = new CoverageComputation(territories, holder, catalogue, facilities, settings)
			.compute((p, stage) -> {
			});

		assertThat(o.placedFacilities()).isEqualTo(1);
		assertThat(o.facilitiesOffNetwork()).as("the supermarket 1.1 km from every street").isEqualTo(1);
		assertThat(o.offNetwork()).containsExactly(false, false, true);
		// next to the fragment: on the main grid's north street 40 m away, the supermarket within a few minutes
		assertThat(o.accessMetres()[1]).isCloseTo(40, within(0.5));
		assertThat(o.seconds()[0][1]).isBetween(0, 5 * 60);
		// far from every street: not on the network, 450 m from it, no walk at all
		assertThat(o.accessMetres()[2]).isCloseTo(450, within(1.0));
		assertThat(o.seconds()[0][2]).isEqualTo(-1);
		assertThat(o.seconds()[0][0]).isPositive();
	}
}

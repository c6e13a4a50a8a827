package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points are placed on the connected walking network only: a point next to a fragment cut off from the rest (a
 * courtyard path, a mapping error) is placed on the main network, and gets exactly the walks a textbook Dijkstra
 * from its placement finds; a point with no street of the network near it is not placed, and its distance to the
 * network is known. On a synthetic graph and on the shipped Andorra extract.
 */
class ConnectedNetworkSnappingTests {

	static final double M_LAT = SyntheticStreets.M_LAT;

	static double lat(double y) {
		return SyntheticStreets.lat(y);
	}

	static double lon(double x) {
		return SyntheticStreets.lon(x);
	}

	static LoadedNetwork synthetic(int minComponentSize) {
		return SyntheticStreets.withFragment(minComponentSize);
	}


	static final double SPEED = 4.0;

	static final int CUTOFF = 30 * 60 * 1000;

	/** The nearest walkable street, fragments included: where points were placed before. */
	static EdgeIteratorState nearestAnyStreet(LoadedNetwork network, LocationIndexTree index, double lat, double lon) {
		Snap snap = index.findClosest(lat, lon,
				e -> e.get(network.footAccess()) || e.getReverse(network.footAccess()));
		return snap.isValid() ? snap.getClosestEdge() : null;
	}

	/**
	 * The point's walk to every facility, once by the coverage (one multi-source search per facility, as for a
	 * category), once by a textbook Dijkstra from the point's placement: they must be equal, and within the cutoff
	 * for some.
	 */
	static int assertWalksEqualTextbookDijkstra(LoadedNetwork network, LoadedNetwork.Placement origin,
			List<LoadedNetwork.Placement> facilities) {
		long[] textbook = WalkingTimesOnRealStreetsTests.plainDijkstra(network, origin, SPEED);
		List<CoverageEngine.Sources> sources = new ArrayList<>();
		for (LoadedNetwork.Placement f : facilities) {
			List<int[]> seeds = new ArrayList<>();
			if (f.nodeA() >= 0) {
				seeds.add(new int[] { f.nodeA(), f.millisA() });
			}
			if (f.nodeB() >= 0) {
				seeds.add(new int[] { f.nodeB(), f.millisB() });
			}
			sources.add(new CoverageEngine.Sources(seeds.stream().mapToInt(s -> s[0]).toArray(),
					seeds.stream().mapToInt(s -> s[1]).toArray()));
		}
		int[][] walks = CoverageEngine.nearest(network.walk(), sources,
				new CoverageEngine.Origins(new int[] { origin.nodeA() }, new int[] { origin.millisA() },
						new int[] { origin.nodeB() }, new int[] { origin.millisB() }),
				CUTOFF, 2, null);
		int within = 0;
		for (int k = 0; k < facilities.size(); k++) {
			long expected = WalkingTimesOnRealStreetsTests.nearest(textbook, List.of(facilities.get(k)));
			if (expected <= CUTOFF) {
				assertThat(walks[k][0]).as("walk to facility %d", k).isEqualTo((int) expected);
				within++;
			}
			else {
				assertThat(walks[k][0]).as("facility %d beyond the cutoff", k).isEqualTo(CoverageEngine.BEYOND);
			}
		}
		return within;
	}

	// ------------------------------------------------------------------ the synthetic graph

	static final LoadedNetwork network = synthetic(200);

	static final LocationIndexTree index = indexOf(network);

	/** 10 m north of the fragment (40 m from the grid's north edge). */
	static final double[] nextToFragment = { lat(1900 + 40), lon(1000) };

	@Test
	void aPointNextToAFragmentIsPlacedOnTheMainNetworkAndWalksLikeATextbookDijkstra() {
		EdgeIteratorState before = nearestAnyStreet(network, index, nextToFragment[0], nextToFragment[1]);
		assertThat(before.getBaseNode()).as("the nearest street is the fragment's").isGreaterThanOrEqualTo(400);
		assertThat(network.connected(before.getEdge())).isFalse();

		LoadedNetwork.Placement p = network.origin(nextToFragment[0], nextToFragment[1], 300);
		assertThat(p).isNotNull();
		assertThat(network.connected(p.edge())).isTrue();
		assertThat(p.nodeA()).as("a junction of the main grid").isLessThan(400);
		assertThat(p.nodeB()).isLessThan(400);
		assertThat(p.accessMetres()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.5));

		// Facilities all over the main grid, each placed like the coverage places them.
		List<LoadedNetwork.Placement> facilities = new ArrayList<>();
		for (int y = 50; y < 1900; y += 370) {
			for (int x = 30; x < 1900; x += 410) {
				facilities.add(network.destination(lat(y), lon(x), 300));
			}
		}
		assertThat(facilities).doesNotContainNull();
		int within = assertWalksEqualTextbookDijkstra(network, p, facilities);
		assertThat(within).as("facilities within the cutoff").isGreaterThan(10);

		// Placed on the fragment, as before, the point would have reached none of them.
		LoadedNetwork.Placement onFragment = new LoadedNetwork.Placement(before.getBaseNode(), 0, before.getAdjNode(), 0,
				10, before.getEdge(), 0, before.getDistance(), true, true);
		long[] fromFragment = WalkingTimesOnRealStreetsTests.plainDijkstra(network, onFragment, SPEED);
		assertThat(WalkingTimesOnRealStreetsTests.nearest(fromFragment, facilities)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aPointFarFromTheNetworkIsNotPlacedAndItsDistanceIsKnown() {
		// 450 m south of the grid's south edge, below x = 1,000.
		assertThat(network.origin(lat(-450), lon(1000), 300)).isNull();
		assertThat(network.destination(lat(-450), lon(1000), 300)).isNull();
		assertThat(network.metresToNetwork(lat(-450), lon(1000))).isCloseTo(450, org.assertj.core.data.Offset.offset(1.0));
		// Within the snapping distance it is placed.
		assertThat(network.origin(lat(-250), lon(1000), 300)).isNotNull();
		// 60 m north of the fragment, 90 m from the grid: the fragment does not count, the grid does.
		assertThat(network.metresToNetwork(lat(1900 + 90), lon(1000))).isCloseTo(90, org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void partsAboveTheConfiguredSizeAreUsedSmallerOnesAreNot() {
		// The small grid (60 streets) is under the default minimum (200): a point on it is placed on the main grid.
		double[] onSmallGrid = { lat(120), lon(2500 + 10) };
		LoadedNetwork.Placement p = network.origin(onSmallGrid[0], onSmallGrid[1], 1000);
		assertThat(p).isNotNull();
		assertThat(p.nodeA()).isLessThan(400);
		// With a minimum of 20 streets it is a part of the network in its own right; the 3-street path still is not.
		LoadedNetwork lenient = synthetic(20);
		LoadedNetwork.Placement q = lenient.origin(onSmallGrid[0], onSmallGrid[1], 300);
		assertThat(q).isNotNull();
		assertThat(q.nodeA()).isGreaterThanOrEqualTo(404);
		assertThat(q.accessMetres()).isLessThan(11);
		LoadedNetwork.Placement r = lenient.origin(nextToFragment[0], nextToFragment[1], 300);
		assertThat(r.nodeA()).isLessThan(400);
	}

	// ------------------------------------------------------------------ the Andorra extract

	@Test
	void onTheAndorraExtractAPointNextToAFragmentIsPlacedOnTheMainNetwork(@TempDir Path folder) throws Exception {
		Path extract = folder.resolve("andorra.osm.pbf");
		try (var in = getClass().getResourceAsStream("/osm/andorra.osm.pbf")) {
			Files.copy(in, extract);
		}
		try (LoadedNetwork andorra = OsmStreets.load(1, "andorra", extract, folder.resolve("graph"), SPEED)) {
			LoadedNetwork network = andorra;
			LocationIndexTree index = indexOf(network);
			BaseGraph graph = network.graph();
			// A walkable fragment street whose nearest walkable street is itself, with the main network within 300 m.
			double[] point = null;
			int fragments = 0;
			var it = graph.getAllEdges();
			while (it.next()) {
				boolean walkable = it.get(network.footAccess()) || it.getReverse(network.footAccess());
				if (!walkable || network.connected(it.getEdge())) {
					continue;
				}
				fragments++;
				NodeAccess na = graph.getNodeAccess();
				double lat = (na.getLat(it.getBaseNode()) + na.getLat(it.getAdjNode())) / 2;
				double lon = (na.getLon(it.getBaseNode()) + na.getLon(it.getAdjNode())) / 2;
				EdgeIteratorState nearest = nearestAnyStreet(network, index, lat, lon);
				if (point == null && nearest != null && !network.connected(nearest.getEdge())
						&& network.origin(lat, lon, 300) != null) {
					point = new double[] { lat, lon };
				}
			}
			assertThat(fragments).as("walkable streets in fragments of the extract").isPositive();
			assertThat(point).as("a point next to a fragment, within 300 m of the network").isNotNull();
			LoadedNetwork.Placement p = network.origin(point[0], point[1], 300);
			assertThat(network.connected(p.edge())).isTrue();
			assertThat(p.accessMetres()).isPositive();

			// Facilities: junctions of the main network all over the extract.
			List<LoadedNetwork.Placement> facilities = new ArrayList<>();
			java.util.Random random = new java.util.Random(7);
			while (facilities.size() < 60) {
				int node = random.nextInt(graph.getNodes());
				LoadedNetwork.Placement f = network.destination(graph.getNodeAccess().getLat(node),
						graph.getNodeAccess().getLon(node), 300);
				if (f != null) {
					facilities.add(f);
				}
			}
			// ... and some near the point, so that walks within the cutoff are compared.
			for (int k = 0; k < 20; k++) {
				LoadedNetwork.Placement f = network.destination(point[0] + (random.nextDouble() - 0.5) * 0.01,
						point[1] + (random.nextDouble() - 0.5) * 0.01, 300);
				if (f != null && f.edge() != p.edge()) {
					facilities.add(f);
				}
			}
			int within = assertWalksEqualTextbookDijkstra(network, p, facilities);
			assertThat(within).as("facilities within the cutoff").isPositive();

			// A point 3 km north of the extract's northernmost junction is not on the network.
			double north = -90;
			double lonThere = 0;
			for (int v = 0; v < graph.getNodes(); v++) {
				if (graph.getNodeAccess().getLat(v) > north) {
					north = graph.getNodeAccess().getLat(v);
					lonThere = graph.getNodeAccess().getLon(v);
				}
			}
			double farLat = north + 3000 / M_LAT;
			assertThat(network.origin(farLat, lonThere, 300)).isNull();
			double metres = network.metresToNetwork(farLat, lonThere);
			assertThat(Double.isNaN(metres) || metres >= 2990).as("%s m", metres).isTrue();
		}
	}

	/** A second location index over the same graph, to ask where points were placed before (any walkable street). */
	static LocationIndexTree indexOf(LoadedNetwork network) {
		LocationIndexTree index = new LocationIndexTree(network.graph(), new RAMDirectory());
		index.prepareIndex();
		return index;
	}
}

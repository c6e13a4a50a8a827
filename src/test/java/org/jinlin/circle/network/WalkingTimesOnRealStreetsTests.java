package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage's walking times on the shipped OpenStreetMap extract (Andorra): the real shops, pharmacies and
 * other amenities of the extract are the facilities, random points of the street network are the origins.
 * The multi-source search per category must give every origin exactly the walk that a plain single-source
 * Dijkstra from that origin finds, and the walk that GraphHopper's own shortest-path tree finds under the
 * same weighting.
 */
class WalkingTimesOnRealStreetsTests {

	static final double SPEED = 4.0;

	static final int CUTOFF = 30 * 60 * 1000;

	@TempDir
	static Path folder;

	static LoadedNetwork network;

	static Map<String, List<LoadedNetwork.Placement>> facilities = new LinkedHashMap<>();

	static List<LoadedNetwork.Placement> origins = new ArrayList<>();

	@BeforeAll
	static void load() throws Exception {
		Path extract = folder.resolve("andorra.osm.pbf");
		try (var in = WalkingTimesOnRealStreetsTests.class.getResourceAsStream("/osm/andorra.osm.pbf")) {
			Files.copy(in, extract);
		}
		network = OsmStreets.load(1, "andorra", extract, folder.resolve("graph"), SPEED);
		Map<String, String> categories = Map.of("shop=supermarket", "SUPERMARKET", "shop=convenience", "SUPERMARKET",
				"amenity=pharmacy", "PHARMACY", "shop=bakery", "BREAKFAST", "amenity=cafe", "BREAKFAST", "shop=hairdresser",
				"BARBER_BEAUTY", "amenity=post_office", "POSTAL_EXPRESS", "amenity=bank", "BANK");
		OSMInputFile in = new OSMInputFile(new File(extract.toString())).setWorkerThreads(1).open();
		try {
			ReaderElement element;
			while ((element = in.getNext()) != null) {
				if (element.getType() != ReaderElement.Type.NODE) {
					continue;
				}
				for (var entry : categories.entrySet()) {
					String[] kv = entry.getKey().split("=");
					if (kv[1].equals(element.getTag(kv[0]))) {
						ReaderNode node = (ReaderNode) element;
						LoadedNetwork.Placement p = network.destination(node.getLat(), node.getLon(), 500);
						if (p != null) {
							facilities.computeIfAbsent(entry.getValue(), k -> new ArrayList<>()).add(p);
						}
					}
				}
			}
		}
		finally {
			in.close();
		}
		Random random = new Random(42);
		BaseGraph graph = network.graph();
		while (origins.size() < 200) {
			int node = random.nextInt(graph.getNodes());
			double lat = graph.getNodeAccess().getLat(node) + (random.nextDouble() - 0.5) * 0.001;
			double lon = graph.getNodeAccess().getLon(node) + (random.nextDouble() - 0.5) * 0.001;
			LoadedNetwork.Placement p = network.origin(lat, lon, 200);
			if (p != null) {
				origins.add(p);
			}
		}
	}

	@AfterAll
	static void close() throws Exception {
		network.close();
	}

	@Test
	void theExtractIsARealWalkingNetworkWithRealFacilities() {
		assertThat(network.walk().nodeCount()).isGreaterThan(2_000);
		assertThat(facilities.keySet()).contains("SUPERMARKET", "PHARMACY", "BREAKFAST");
		assertThat(facilities.values().stream().mapToInt(List::size).sum()).isGreaterThan(20);
		// Foot access and one-ways for pedestrians exist: some streets are walkable one way only, some not at all.
		var it = network.graph().getAllEdges();
		int oneWay = 0;
		int none = 0;
		while (it.next()) {
			boolean f = it.get(network.footAccess());
			boolean b = it.getReverse(network.footAccess());
			oneWay += f != b ? 1 : 0;
			none += !f && !b ? 1 : 0;
		}
		assertThat(oneWay + none).isPositive();
	}

	@Test
	void multiSourceWalksEqualAPlainDijkstraFromEachOrigin() {
		int[][] walks = coverage();
		List<String> names = new ArrayList<>(facilities.keySet());
		int compared = 0;
		for (int o = 0; o < origins.size(); o++) {
			long[] plain = plainDijkstra(network, origins.get(o), SPEED);
			for (int c = 0; c < names.size(); c++) {
				long expected = nearest(plain, facilities.get(names.get(c)));
				int actual = walks[c][o];
				if (expected > CUTOFF) {
					assertThat(actual).as("origin %d, %s beyond the cutoff", o, names.get(c)).isEqualTo(CoverageEngine.BEYOND);
				}
				else {
					assertThat(actual).as("origin %d, %s", o, names.get(c)).isEqualTo((int) expected);
					assertThat(Math.round(actual / 1000.0)).isEqualTo(Math.round(expected / 1000.0));
					compared++;
				}
			}
		}
		assertThat(compared).as("walks within the cutoff compared").isGreaterThan(100);
	}

	@Test
	void multiSourceWalksAgreeWithGraphHoppersShortestPathTree() {
		int[][] walks = coverage();
		List<String> names = new ArrayList<>(facilities.keySet());
		WalkWeighting weighting = new WalkWeighting(network.footAccess(), SPEED);
		int compared = 0;
		for (int o = 0; o < origins.size(); o++) {
			LoadedNetwork.Placement origin = origins.get(o);
			long[] tree = new long[network.graph().getNodes()];
			Arrays.fill(tree, Long.MAX_VALUE);
			int[][] entries = { { origin.nodeA(), origin.millisA() }, { origin.nodeB(), origin.millisB() } };
			for (int[] entry : entries) {
				if (entry[0] < 0) {
					continue;
				}
				ShortestPathTree spt = new ShortestPathTree(network.graph(), weighting, false, TraversalMode.NODE_BASED);
				spt.setTimeLimit(CUTOFF);
				spt.search(entry[0], label -> tree[label.node] = Math.min(tree[label.node], label.time + entry[1]));
			}
			for (int c = 0; c < names.size(); c++) {
				long expected = nearest(tree, facilities.get(names.get(c)));
				int actual = walks[c][o];
				if (expected <= CUTOFF) {
					assertThat(Math.round(actual / 1000.0)).as("origin %d, %s (seconds)", o, names.get(c))
						.isEqualTo(Math.round(expected / 1000.0));
					assertThat(actual).isEqualTo((int) expected);
					compared++;
				}
				else if (actual != CoverageEngine.BEYOND) {
					// The tree stops at the cutoff from each entry; a walk just under it via an offset is still found.
					assertThat(actual).isLessThanOrEqualTo(CUTOFF);
				}
			}
		}
		assertThat(compared).isGreaterThan(100);
	}

	private static int[][] coverage() {
		List<CoverageEngine.Sources> sources = new ArrayList<>();
		for (List<LoadedNetwork.Placement> list : facilities.values()) {
			List<int[]> seeds = new ArrayList<>();
			for (LoadedNetwork.Placement p : list) {
				if (p.nodeA() >= 0) {
					seeds.add(new int[] { p.nodeA(), p.millisA() });
				}
				if (p.nodeB() >= 0) {
					seeds.add(new int[] { p.nodeB(), p.millisB() });
				}
			}
			sources.add(new CoverageEngine.Sources(seeds.stream().mapToInt(s -> s[0]).toArray(),
					seeds.stream().mapToInt(s -> s[1]).toArray()));
		}
		int n = origins.size();
		int[] a = new int[n], ma = new int[n], b = new int[n], mb = new int[n];
		for (int i = 0; i < n; i++) {
			a[i] = origins.get(i).nodeA();
			ma[i] = origins.get(i).millisA();
			b[i] = origins.get(i).nodeB();
			mb[i] = origins.get(i).millisB();
		}
		return CoverageEngine.nearest(network.walk(), sources, new CoverageEngine.Origins(a, ma, b, mb), CUTOFF, 2, null);
	}

	/** Walk from the origin to the nearest of the facilities, given walks from the origin to every node. */
	static long nearest(long[] fromOrigin, List<LoadedNetwork.Placement> list) {
		long best = Long.MAX_VALUE;
		for (LoadedNetwork.Placement f : list) {
			if (f.nodeA() >= 0 && fromOrigin[f.nodeA()] != Long.MAX_VALUE) {
				best = Math.min(best, fromOrigin[f.nodeA()] + f.millisA());
			}
			if (f.nodeB() >= 0 && fromOrigin[f.nodeB()] != Long.MAX_VALUE) {
				best = Math.min(best, fromOrigin[f.nodeB()] + f.millisB());
			}
		}
		return best;
	}

	/**
	 * Textbook Dijkstra from one origin over GraphHopper's own edges and foot access (not the coverage's arrays),
	 * with java.util.PriorityQueue and no cutoff. Also used by {@link ConnectedNetworkSnappingTests}.
	 */
	static long[] plainDijkstra(LoadedNetwork network, LoadedNetwork.Placement origin, double speed) {
		BaseGraph graph = network.graph();
		long[] dist = new long[graph.getNodes()];
		Arrays.fill(dist, Long.MAX_VALUE);
		PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
		if (origin.nodeA() >= 0) {
			dist[origin.nodeA()] = origin.millisA();
			queue.add(new long[] { origin.millisA(), origin.nodeA() });
		}
		if (origin.nodeB() >= 0 && origin.millisB() < dist[origin.nodeB()]) {
			dist[origin.nodeB()] = origin.millisB();
			queue.add(new long[] { origin.millisB(), origin.nodeB() });
		}
		EdgeExplorer explorer = graph.createEdgeExplorer();
		Map<Integer, Boolean> done = new HashMap<>();
		while (!queue.isEmpty()) {
			long[] top = queue.poll();
			int node = (int) top[1];
			if (done.put(node, true) != null) {
				continue;
			}
			EdgeIterator it = explorer.setBaseNode(node);
			while (it.next()) {
				if (!it.get(network.footAccess()) || it.getAdjNode() == node) {
					continue;
				}
				long next = top[0] + WalkGraph.millis(it.getDistance(), speed);
				if (next < dist[it.getAdjNode()]) {
					dist[it.getAdjNode()] = next;
					queue.add(new long[] { next, it.getAdjNode() });
				}
			}
		}
		return dist;
	}
}

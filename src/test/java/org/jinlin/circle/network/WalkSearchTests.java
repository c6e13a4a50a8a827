package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RAMDirectory;

import org.junit.jupiter.api.Test;

/**
 * The search rules on a hand-made street: 0 —100 m— 1 —100 m— 2 —100 m— 3, where 1 → 2 is one-way for
 * pedestrians (2 → 1 is not allowed), and a 4th node off on its own. At 4 km/h, 100 m is 90 s.
 */
class WalkSearchTests {

	static final int STEP = 90_000;

	final BooleanEncodedValue foot = VehicleAccess.create("foot");

	final BaseGraph graph = street();

	final WalkGraph walk = WalkGraph.of(graph, foot, 4.0);

	BaseGraph street() {
		EncodingManager em = EncodingManager.start().add(foot).build();
		BaseGraph g = new BaseGraph.Builder(em).setDir(new RAMDirectory()).create();
		for (int i = 0; i < 5; i++) {
			g.getNodeAccess().setNode(i, 26.0, 119.0 + i * 0.001);
		}
		g.edge(0, 1).setDistance(100).set(foot, true, true);
		g.edge(1, 2).setDistance(100).set(foot, true, false);
		g.edge(2, 3).setDistance(100).set(foot, true, true);
		return g;
	}

	@Test
	void fourKilometresAnHourWalksAThousandMetresInFifteenMinutes() {
		assertThat(WalkGraph.millis(1000, 4.0)).isEqualTo(15 * 60 * 1000);
		assertThat(WalkGraph.millis(0, 4.0)).isZero();
		assertThat(WalkGraph.millis(0.0001, 4.0)).isEqualTo(1);
	}

	@Test
	void aWalkTowardsAFacilityRespectsOneWayStreetsForPedestrians() {
		WalkSearch search = new WalkSearch(walk).towards(new int[] { 3 }, new int[] { 0 }, Integer.MAX_VALUE - 1);
		assertThat(search.cost(2)).isEqualTo(STEP);
		assertThat(search.cost(1)).isEqualTo(2 * STEP); // 1 -> 2 -> 3 is allowed
		assertThat(search.cost(0)).isEqualTo(3 * STEP);
		assertThat(search.cost(4)).isEqualTo(WalkSearch.UNREACHED);
		WalkSearch back = new WalkSearch(walk).towards(new int[] { 0 }, new int[] { 0 }, Integer.MAX_VALUE - 1);
		assertThat(back.cost(3)).as("3 -> 2 -> 1 is against the one-way").isEqualTo(WalkSearch.UNREACHED);
		assertThat(back.cost(1)).isEqualTo(STEP);
	}

	@Test
	void manySourcesGiveEachNodeItsNearestAndOffsetsCount() {
		WalkSearch search = new WalkSearch(walk).towards(new int[] { 0, 3 }, new int[] { 10_000, 0 }, Integer.MAX_VALUE - 1);
		assertThat(search.cost(0)).isEqualTo(10_000);
		assertThat(search.cost(1)).isEqualTo(STEP + 10_000);
		assertThat(search.cost(2)).isEqualTo(STEP);
	}

	@Test
	void theCutoffStopsTheSearchAndTheNextSearchStartsClean() {
		WalkSearch search = new WalkSearch(walk).towards(new int[] { 3 }, new int[] { 0 }, STEP);
		assertThat(search.cost(2)).isEqualTo(STEP);
		assertThat(search.cost(1)).isEqualTo(WalkSearch.UNREACHED);
		assertThat(search.settledCount()).isEqualTo(2);
		search.from(new int[] { 0 }, new int[] { 0 }, Integer.MAX_VALUE - 1);
		assertThat(search.cost(3)).isEqualTo(3 * STEP);
		assertThat(search.cost(4)).isEqualTo(WalkSearch.UNREACHED);
	}

	@Test
	void theEngineAnswersBeyondOverTheCutoffAndTakesTheBetterEndOfAnOrigin() {
		var origins = new CoverageEngine.Origins(new int[] { 0, 1, 4 }, new int[] { 0, 0, 0 }, new int[] { -1, 2, -1 },
				new int[] { 0, 5_000, 0 });
		int[][] result = CoverageEngine.nearest(walk, List.of(CoverageEngine.Sources.atNodes(3)), origins, 2 * STEP + 5_000,
				2, null);
		assertThat(result[0][0]).isEqualTo(CoverageEngine.BEYOND); // 3 steps > cutoff
		assertThat(result[0][1]).isEqualTo(STEP + 5_000); // via its other end, node 2
		assertThat(result[0][2]).isEqualTo(CoverageEngine.BEYOND); // no street at all
	}
	/**
	 * The coverage's bucket search against the heap search, on random streets with arcs from 1 ms to five minutes
	 * (so the bucket width is sometimes far wider than the cheapest arc and nodes are scanned again), random one-way
	 * streets, sources with offsets, cutoffs from a minute to a day, with and without the origins' bound: the same
	 * cost for every node (no bound) or every origin's entry node (bound), and one search instance used for both
	 * kinds in turn (each must start clean after the other).
	 */
	@Test
	void theBucketSearchGivesTheHeapSearchsCostsOnRandomStreets() {
		java.util.Random random = new java.util.Random(20261207);
		for (int round = 0; round < 60; round++) {
			int n = 50 + random.nextInt(400);
			BooleanEncodedValue foot = VehicleAccess.create("foot");
			EncodingManager em = EncodingManager.start().add(foot).build();
			BaseGraph g = new BaseGraph.Builder(em).setDir(new RAMDirectory()).create();
			for (int i = 0; i < n; i++) {
				g.getNodeAccess().setNode(i, 26.0 + random.nextDouble() * 0.01, 119.0 + random.nextDouble() * 0.01);
			}
			for (int e = 0, edges = n * 2; e < edges; e++) {
				int a = random.nextInt(n);
				int b = random.nextInt(n);
				if (a == b) {
					continue;
				}
				double metres = random.nextInt(4) == 0 ? 0.001 + random.nextDouble() * 2 : random.nextDouble() * 330;
				g.edge(a, b).setDistance(metres).set(foot, true, random.nextInt(8) != 0);
			}
			WalkGraph w = WalkGraph.of(g, foot, 4.0);
			int[] cutoffs = { 60_000, 900_000, 1_800_000, 86_400_000 };
			int cutoff = cutoffs[random.nextInt(cutoffs.length)];
			int[] sources = random.ints(1 + random.nextInt(6), 0, n).toArray();
			int[] offsets = random.ints(sources.length, 0, 60_000).toArray();
			WalkSearch search = new WalkSearch(w);
			int[] heap = costs(search.towards(sources, offsets, cutoff), n);
			int[] buckets = costs(search.towardsOrigins(sources, offsets, cutoff, null, null, 0), n);
			assertThat(buckets).as("round %d, %d nodes, cutoff %d ms", round, n, cutoff).isEqualTo(heap);

			// with the origins' bound: exact for the origins' nodes
			int[] originNodes = random.ints(1 + random.nextInt(20), 0, n).distinct().toArray();
			int[] bound = new WalkSearch(w).from(originNodes, new int[originNodes.length], cutoff).costs();
			java.util.BitSet targets = new java.util.BitSet(n);
			for (int o : originNodes) {
				targets.set(o);
			}
			search.towardsOrigins(sources, offsets, cutoff, bound, targets, targets.cardinality());
			for (int o : originNodes) {
				assertThat(search.cost(o)).as("round %d, origin node %d", round, o).isEqualTo(heap[o]);
			}
			assertThat(costs(search.towards(sources, offsets, cutoff), n)).as("the heap search after a bucket one")
				.isEqualTo(heap);
		}
	}

	private static int[] costs(WalkSearch search, int n) {
		int[] out = new int[n];
		for (int v = 0; v < n; v++) {
			out[v] = search.cost(v);
		}
		return out;
	}
}

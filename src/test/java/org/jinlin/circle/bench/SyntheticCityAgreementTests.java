package org.jinlin.circle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.CoverageEngine.Origins;
import org.jinlin.circle.network.CoverageEngine.Sources;
import org.jinlin.circle.network.WalkGraph;
import org.jinlin.circle.network.WalkSearch;
import org.jinlin.circle.network.WalkWeighting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's three answers agree on a small synthetic city (no timing here: the benchmark is
 * {@code bench/fifteen-minute}): the coverage engine (whose searches are bounded by the origins and stop early),
 * one GraphHopper shortest-path tree per origin, and plain unbounded searches over the whole graph.
 */
class SyntheticCityAgreementTests {

	private static final int CUTOFF = 15 * 60 * 1000;

	@Test
	void theSyntheticCityIsAPlausibleStreetNetwork() {
		SyntheticCity city = SyntheticCity.build(60, 200, 7);
		assertThat(city.nodes()).isEqualTo(3600);
		assertThat(city.graph.getNodes()).isEqualTo(3600);
		assertThat(city.graph.getEdges()).isEqualTo(city.edges);
		assertThat(city.oneWayEdges).isPositive();
		assertThat(city.removedEdges).isPositive();
		assertThat(city.facilities).hasSize(20);
		assertThat(city.communities).hasSize(200).doesNotHaveDuplicates();
		for (int[] nodes : city.facilities) {
			assertThat(nodes).isNotEmpty().doesNotHaveDuplicates();
		}
		// blocks of 80-100 m (diagonals up to ~160 m), streets up to 15% longer than the straight line, a few metres of jitter
		var edges = city.graph.getAllEdges();
		while (edges.next()) {
			assertThat(edges.getDistance()).isBetween(60.0, 190.0);
		}
		// the same seed gives the same city
		SyntheticCity again = SyntheticCity.build(60, 200, 7);
		assertThat(again.communities).containsExactly(city.communities);
		assertThat(again.facilities.get(0)).containsExactly(city.facilities.get(0));
	}

	@Test
	void engineAndOneGraphHopperTreePerOriginGiveTheSameWalks() throws Exception {
		SyntheticCity city = SyntheticCity.build(80, 300, 11);
		WalkGraph graph = WalkGraph.of(city.graph, city.footAccess, 4.0);
		List<Sources> sources = city.facilities.stream().map(Sources::atNodes).toList();

		int[][] engine = CoverageEngine.nearest(graph, sources, Origins.atNodes(city.communities), CUTOFF, 2, null);
		int[][] perOrigin = new PerOriginBaseline(city.graph, new WalkWeighting(city.footAccess, 4.0),
				city.facilities).nearest(city.communities, CUTOFF, 2);

		for (int t = 0; t < engine.length; t++) {
			assertThat(perOrigin[t]).as("type %d", t).containsExactly(engine[t]);
		}
		// the comparison covers both outcomes: walks within 15 minutes and walks beyond
		long within = Arrays.stream(engine).flatMapToInt(Arrays::stream).filter(w -> w >= 0).count();
		long beyond = Arrays.stream(engine).flatMapToInt(Arrays::stream).filter(w -> w == CoverageEngine.BEYOND).count();
		assertThat(within).isGreaterThan(100);
		assertThat(beyond).isGreaterThan(100);
		assertThat(Arrays.stream(engine).flatMapToInt(Arrays::stream).max().getAsInt()).isLessThanOrEqualTo(CUTOFF);
	}

	@Test
	void engineGivesThePlainSearchesWalksWithOffsetsAndTwoEntryNodes() {
		SyntheticCity city = SyntheticCity.build(80, 300, 13);
		WalkGraph graph = WalkGraph.of(city.graph, city.footAccess, 4.0);
		SplittableRandom random = new SplittableRandom(5);
		List<Sources> sources = new ArrayList<>();
		for (int[] nodes : city.facilities) {
			int[] offsets = random.ints(nodes.length, 0, 60_000).toArray();
			sources.add(new Sources(nodes, offsets));
		}
		int n = city.communities.length;
		int[] nodeA = city.communities;
		int[] offsetA = random.ints(n, 0, 90_000).toArray();
		int[] nodeB = new int[n];
		for (int o = 0; o < n; o++) {
			// the other end of the street, or none for one origin in five
			nodeB[o] = o % 5 == 0 ? -1 : (city.communities[o] + 1) % city.nodes();
		}
		int[] offsetB = random.ints(n, 0, 90_000).toArray();

		int[][] engine = CoverageEngine.nearest(graph, sources, new Origins(nodeA, offsetA, nodeB, offsetB), CUTOFF,
				2, null);

		// Reference: an unbounded search over the whole graph per type, then the better of the origin's two ends.
		WalkSearch plain = new WalkSearch(graph);
		long checked = 0;
		for (int t = 0; t < sources.size(); t++) {
			plain.towards(sources.get(t).nodes(), sources.get(t).offsetMillis(), CUTOFF);
			for (int o = 0; o < n; o++) {
				long best = Long.MAX_VALUE;
				if (plain.cost(nodeA[o]) != WalkSearch.UNREACHED) {
					best = (long) plain.cost(nodeA[o]) + offsetA[o];
				}
				if (nodeB[o] >= 0 && plain.cost(nodeB[o]) != WalkSearch.UNREACHED) {
					best = Math.min(best, (long) plain.cost(nodeB[o]) + offsetB[o]);
				}
				int expected = best <= CUTOFF ? (int) best : CoverageEngine.BEYOND;
				assertThat(engine[t][o]).as("type %d origin %d", t, o).isEqualTo(expected);
				checked += expected > 0 ? 1 : 0;
			}
		}
		assertThat(checked).isGreaterThan(100);
	}
}

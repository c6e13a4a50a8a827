package org.jinlin.circle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.CoverageEngine.Origins;
import org.jinlin.circle.network.CoverageEngine.Sources;
import org.jinlin.circle.network.IncrementalCoverage;
import org.jinlin.circle.network.IncrementalCoverage.Facility;
import org.jinlin.circle.network.WalkGraph;
import org.junit.jupiter.api.Test;

/**
 * The what-if updates (issue 20, item 4) against full computations: on a synthetic city (one-way streets, a river,
 * dead ends), seeded random sequences of facilities added, moved and closed, with origins entering the network at
 * two nodes with offsets, facilities entering at one or two nodes with offsets, and some walks along one street;
 * after every step the incremental result equals a full computation on the facilities of that moment.
 */
class IncrementalCoverageTests {

	private static final int CUTOFF = 15 * 60 * 1000;

	@Test
	void incrementalUpdatesEqualAFullRunAfterRandomSequencesOfChanges() {
		SyntheticCity city = SyntheticCity.build(50, 400, 5);
		WalkGraph graph = WalkGraph.of(city.graph, city.footAccess, 4.0);
		SplittableRandom random = new SplittableRandom(20);
		int n = city.communities.length;
		int[] nodeA = new int[n];
		int[] offsetA = new int[n];
		int[] nodeB = new int[n];
		int[] offsetB = new int[n];
		for (int o = 0; o < n; o++) {
			nodeA[o] = city.communities[o];
			offsetA[o] = random.nextInt(60_000);
			nodeB[o] = random.nextInt(4) == 0 ? -1 : random.nextInt(graph.nodeCount());
			offsetB[o] = random.nextInt(90_000);
		}
		Origins origins = new Origins(nodeA, offsetA, nodeB, offsetB);
		int steps = 0;
		int changedWalks = 0;
		for (int type : new int[] { 0, 2, 15 }) {
			Map<Integer, Facility> facilities = new LinkedHashMap<>();
			for (int node : city.facilities.get(type)) {
				facilities.put(facilities.size(), facility(random, graph, node, n));
			}
			IncrementalCoverage index = new IncrementalCoverage(graph, origins, CUTOFF, facilities);
			assertThat(index.walks()).as("the index's own full run").containsExactly(full(graph, origins, facilities));
			int nextKey = facilities.size();
			for (int step = 0; step < 150; step++, steps++) {
				List<Integer> keys = new ArrayList<>(facilities.keySet());
				int action = keys.isEmpty() ? 0 : random.nextInt(3);
				Facility site = facility(random, graph, random.nextInt(graph.nodeCount()), n);
				int[] before = index.walks();
				IncrementalCoverage.Change preview;
				IncrementalCoverage.Change change;
				if (action == 0) {
					preview = index.change(-1, nextKey, site);
					assertThat(index.walks()).as("a preview changes nothing").containsExactly(before);
					change = index.commit(-1, nextKey, site);
					facilities.put(nextKey++, site);
				}
				else {
					int key = keys.get(random.nextInt(keys.size()));
					boolean move = action == 1;
					preview = index.change(key, move ? key : -1, move ? site : null);
					change = index.commit(key, move ? key : -1, move ? site : null);
					if (move) {
						facilities.put(key, site);
					}
					else {
						facilities.remove(key);
					}
				}
				assertThat(change.origins()).as("the preview is what the commit does").containsExactly(preview.origins());
				assertThat(change.walksAfter()).containsExactly(preview.walksAfter());
				int[] expected = full(graph, origins, facilities);
				assertThat(index.walks()).as("type %d after step %d (action %d)", type, step, action).containsExactly(expected);
				// the change names exactly the origins whose walk moved
				for (int o = 0; o < n; o++) {
					if (before[o] != expected[o]) {
						changedWalks++;
						assertThat(change.origins()).contains(o);
					}
				}
			}
		}
		assertThat(steps).isEqualTo(450);
		assertThat(changedWalks).as("the changes did change walks").isGreaterThan(100);
	}

	@Test
	void closingTheOnlyFacilityLeavesItsOriginsBeyondAndReopeningBringsThemBack() {
		SyntheticCity city = SyntheticCity.build(30, 100, 9);
		WalkGraph graph = WalkGraph.of(city.graph, city.footAccess, 4.0);
		Origins origins = Origins.atNodes(city.communities);
		int centre = 15 * 30 + 15;
		IncrementalCoverage index = new IncrementalCoverage(graph, origins, CUTOFF, Map.of(7, Facility.atNode(centre)));
		int served = (int) java.util.Arrays.stream(index.walks()).filter(w -> w != CoverageEngine.BEYOND).count();
		assertThat(served).isPositive();

		IncrementalCoverage.Change closed = index.commit(7, -1, null);
		assertThat(closed.walksChanged()).isEqualTo(served);
		assertThat(index.walks()).containsOnly(CoverageEngine.BEYOND);
		assertThat(index.has(7)).isFalse();

		IncrementalCoverage.Change reopened = index.commit(-1, 8, Facility.atNode(centre));
		assertThat(reopened.walksChanged()).isEqualTo(served);
		assertThat(reopened.ownersAfter()).containsOnly(8);
	}

	/** A facility at a node (sometimes a second entry and an offset) with a few direct walks along a street. */
	private static Facility facility(SplittableRandom random, WalkGraph graph, int node, int origins) {
		boolean two = random.nextBoolean();
		int[] nodes = two ? new int[] { node, random.nextInt(graph.nodeCount()) } : new int[] { node };
		int[] offsets = two ? new int[] { random.nextInt(30_000), random.nextInt(120_000) } : new int[] { 0 };
		int directs = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
		int[] directOrigins = new int[directs];
		int[] directMillis = new int[directs];
		for (int i = 0; i < directs; i++) {
			directOrigins[i] = random.nextInt(origins);
			directMillis[i] = random.nextInt(CUTOFF);
		}
		return new Facility(nodes, offsets, directOrigins, directMillis);
	}

	/** The full computation: the engine's multi-source search, then the walks along one street. */
	private static int[] full(WalkGraph graph, Origins origins, Map<Integer, Facility> facilities) {
		List<int[]> entries = new ArrayList<>();
		facilities.values().forEach(f -> {
			for (int i = 0; i < f.nodes().length; i++) {
				entries.add(new int[] { f.nodes()[i], f.offsetMillis()[i] });
			}
		});
		Sources sources = new Sources(entries.stream().mapToInt(e -> e[0]).toArray(),
				entries.stream().mapToInt(e -> e[1]).toArray());
		int[] walks = CoverageEngine.nearest(graph, List.of(sources), origins, CUTOFF, 1, null)[0];
		for (Facility f : facilities.values()) {
			for (int i = 0; i < f.directOrigins().length; i++) {
				int o = f.directOrigins()[i];
				int d = f.directMillis()[i];
				if (d <= CUTOFF && (walks[o] == CoverageEngine.BEYOND || d < walks[o])) {
					walks[o] = d;
				}
			}
		}
		return walks;
	}
}

package org.jinlin.circle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.storage.Graph;

import org.jinlin.circle.network.CoverageEngine;

/**
 * The benchmark's baseline: the same answer as {@link CoverageEngine#nearest} computed the way a planner's
 * tool does it, one GraphHopper shortest-path tree per origin (forward, walking away from the origin, up to
 * the cutoff), reading which facilities of each type it reaches and keeping the quickest per type.
 * <p>
 * GraphHopper's time limit is exclusive (the tree stops when the nearest open label is at the limit), the
 * engine's cutoff inclusive, so the tree runs to {@code cutoff + 1} ms and labels over the cutoff are ignored.
 */
final class PerOriginBaseline {

	private final Graph graph;

	private final Weighting weighting;

	/** Per junction, a bit per facility type found there (at most 32 types). */
	private final int[] typesAt;

	private final int types;

	PerOriginBaseline(Graph graph, Weighting weighting, List<int[]> facilitiesPerType) {
		if (facilitiesPerType.size() > 32) {
			throw new IllegalArgumentException("at most 32 types");
		}
		this.graph = graph;
		this.weighting = weighting;
		this.types = facilitiesPerType.size();
		this.typesAt = new int[graph.getNodes()];
		for (int t = 0; t < types; t++) {
			for (int node : facilitiesPerType.get(t)) {
				typesAt[node] |= 1 << t;
			}
		}
	}

	/** {@code result[type][origin]} in ms, or {@link CoverageEngine#BEYOND}; origins split over threads. */
	int[][] nearest(int[] origins, int cutoffMillis, int threads) throws Exception {
		int[][] result = new int[types][origins.length];
		for (int[] row : result) {
			Arrays.fill(row, CoverageEngine.BEYOND);
		}
		AtomicInteger next = new AtomicInteger();
		int chunk = 16;
		Runnable work = () -> {
			int start;
			while ((start = next.getAndAdd(chunk)) < origins.length) {
				int end = Math.min(origins.length, start + chunk);
				for (int o = start; o < end; o++) {
					searchFrom(origins[o], o, cutoffMillis, result);
				}
			}
		};
		if (threads <= 1) {
			work.run();
			return result;
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < threads; w++) {
				futures.add(pool.submit(work));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return result;
	}

	private void searchFrom(int origin, int index, int cutoffMillis, int[][] result) {
		ShortestPathTree tree = new ShortestPathTree(graph, weighting, false, TraversalMode.NODE_BASED);
		tree.setTimeLimit(cutoffMillis + 1);
		tree.search(origin, label -> {
			int mask = typesAt[label.node];
			if (mask == 0 || label.time > cutoffMillis) {
				return;
			}
			int time = (int) label.time;
			while (mask != 0) {
				int t = Integer.numberOfTrailingZeros(mask);
				mask &= mask - 1;
				int[] row = result[t];
				if (row[index] == CoverageEngine.BEYOND || time < row[index]) {
					row[index] = time;
				}
			}
		});
	}
}

package org.jinlin.circle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jinlin.circle.network.CoverageEngine;
import org.jinlin.circle.network.CoverageEngine.Origins;
import org.jinlin.circle.network.CoverageEngine.Sources;
import org.jinlin.circle.network.WalkGraph;

/**
 * EXPERIMENT, a proposal for {@link CoverageEngine} (run by {@code EXPERIMENT=1 bench/fifteen-minute}, never
 * by the application): the same answer as {@link CoverageEngine#nearest}, with each category's search bounded
 * by the origins.
 * <ol>
 * <li>Once for all categories: one forward multi-source search from every origin's entry nodes (entered at
 * their offsets) up to the cutoff gives {@code h[v]}, the walk from the nearest origin to v
 * ({@code UNREACHED} beyond the cutoff).</li>
 * <li>Each category's reverse search (as the engine's) enters a node only if {@code cost + h[node] <= cutoff},
 * and stops as soon as every origin entry node is settled.</li>
 * </ol>
 * Exact: if an origin's walk to its nearest facility is D <= cutoff along a path P, every node v on P has
 * h(v) + (the rest of P from v) <= D <= cutoff, so the bounded search still relaxes all of P and labels the
 * origin D; labels are always lengths of real paths, never below the true walk. Settling in cost order makes
 * an origin entry node final when settled, so stopping once all are settled loses nothing.
 * Categories run largest first (the longest searches start first, so the last thread is not left with one).
 */
final class OriginBoundedCoverage {

	private static final int UNREACHED = Integer.MAX_VALUE;

	private final int n;

	private final int[] forwardFirst;

	private final int[] forwardArcs;

	private final int[] reverseFirst;

	private final int[] reverseArcs;

	/** Arcs interleaved (other end, cost), forward and reverse, from the graph's public arc view. */
	OriginBoundedCoverage(WalkGraph graph) {
		n = graph.nodeCount();
		forwardFirst = new int[n + 1];
		reverseFirst = new int[n + 1];
		int arcs = graph.arcCount();
		forwardArcs = new int[2 * arcs];
		reverseArcs = new int[2 * arcs];
		for (int v = 0; v < n; v++) {
			int tail = v;
			graph.forEachArcFrom(tail, (head, cost) -> {
				forwardFirst[tail + 1]++;
				reverseFirst[head + 1]++;
			});
		}
		for (int v = 0; v < n; v++) {
			forwardFirst[v + 1] += forwardFirst[v];
			reverseFirst[v + 1] += reverseFirst[v];
		}
		int[] fNext = Arrays.copyOf(forwardFirst, n);
		int[] rNext = Arrays.copyOf(reverseFirst, n);
		for (int v = 0; v < n; v++) {
			int tail = v;
			graph.forEachArcFrom(tail, (head, cost) -> {
				int f = fNext[tail]++;
				forwardArcs[2 * f] = head;
				forwardArcs[2 * f + 1] = cost;
				int r = rNext[head]++;
				reverseArcs[2 * r] = tail;
				reverseArcs[2 * r + 1] = cost;
			});
		}
	}

	int[][] nearest(List<Sources> categories, Origins origins, int cutoff, int threads) throws Exception {
		// Origin entry nodes and their offsets.
		int[] entryNodes = new int[2 * origins.size()];
		int[] entryOffsets = new int[2 * origins.size()];
		int entries = 0;
		long[] isEntry = new long[(n + 63) >>> 6];
		int distinctEntries = 0;
		for (int o = 0; o < origins.size(); o++) {
			int[][] pairs = { { origins.nodeA()[o], origins.offsetA()[o] }, { origins.nodeB()[o], origins.offsetB()[o] } };
			for (int[] p : pairs) {
				if (p[0] >= 0) {
					entryNodes[entries] = p[0];
					entryOffsets[entries++] = p[1];
					if ((isEntry[p[0] >>> 6] & (1L << p[0])) == 0) {
						isEntry[p[0] >>> 6] |= 1L << p[0];
						distinctEntries++;
					}
				}
			}
		}
		Search first = new Search();
		first.run(forwardFirst, forwardArcs, Arrays.copyOf(entryNodes, entries), Arrays.copyOf(entryOffsets, entries),
				cutoff, null, null, 0);
		int[] h = first.cost.clone();

		Integer[] order = new Integer[categories.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Integer.compare(categories.get(b).size(), categories.get(a).size()));
		int[][] result = new int[categories.size()][];
		AtomicInteger next = new AtomicInteger();
		int entryCount = distinctEntries;
		Runnable work = () -> {
			Search search = new Search();
			int k;
			while ((k = next.getAndIncrement()) < order.length) {
				int c = order[k];
				Sources s = categories.get(c);
				search.run(reverseFirst, reverseArcs, s.nodes(), s.offsetMillis(), cutoff, h, isEntry, entryCount);
				int[] walks = new int[origins.size()];
				for (int o = 0; o < walks.length; o++) {
					long best = Long.MAX_VALUE;
					int a = origins.nodeA()[o];
					if (a >= 0 && search.cost[a] != UNREACHED) {
						best = (long) search.cost[a] + origins.offsetA()[o];
					}
					int b = origins.nodeB()[o];
					if (b >= 0 && search.cost[b] != UNREACHED) {
						best = Math.min(best, (long) search.cost[b] + origins.offsetB()[o]);
					}
					walks[o] = best <= cutoff ? (int) best : CoverageEngine.BEYOND;
				}
				result[c] = walks;
			}
		};
		int workers = Math.max(1, Math.min(threads, categories.size()));
		if (workers == 1) {
			work.run();
			return result;
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
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

	/** Dijkstra with a binary heap of packed (cost, node) longs, as WalkSearch, plus the bound and the stop. */
	private final class Search {

		final int[] cost = new int[n];

		private final int[] touched = new int[n];

		private int touchedCount;

		private long[] heap = new long[1024];

		private int heapSize;

		Search() {
			Arrays.fill(cost, UNREACHED);
		}

		void run(int[] first, int[] arcs, int[] sources, int[] offsets, int cutoff, int[] h, long[] stopAt,
				int stopCount) {
			for (int i = 0; i < touchedCount; i++) {
				cost[touched[i]] = UNREACHED;
			}
			touchedCount = 0;
			heapSize = 0;
			for (int i = 0; i < sources.length; i++) {
				int s = sources[i];
				int c = offsets == null ? 0 : offsets[i];
				if (s >= 0 && c < cost[s] && (long) c + (h == null ? 0 : h[s]) <= cutoff) {
					if (cost[s] == UNREACHED) {
						touched[touchedCount++] = s;
					}
					cost[s] = c;
					push(c, s);
				}
			}
			int left = stopCount;
			while (heapSize > 0) {
				long top = pop();
				int node = (int) top;
				int c = (int) (top >>> 32);
				if (c != cost[node]) {
					continue;
				}
				if (stopAt != null && (stopAt[node >>> 6] & (1L << node)) != 0 && --left == 0) {
					break;
				}
				for (int a = 2 * first[node], end = 2 * first[node + 1]; a < end; a += 2) {
					int next = arcs[a];
					int nc = c + arcs[a + 1];
					if (nc < cost[next] && (long) nc + (h == null ? 0 : h[next]) <= cutoff) {
						if (cost[next] == UNREACHED) {
							touched[touchedCount++] = next;
						}
						cost[next] = nc;
						push(nc, next);
					}
				}
			}
			heapSize = 0;
		}

		private void push(int c, int node) {
			if (heapSize == heap.length) {
				heap = Arrays.copyOf(heap, heap.length * 2);
			}
			long key = ((long) c << 32) | node;
			int i = heapSize++;
			while (i > 0) {
				int parent = (i - 1) >>> 1;
				long p = heap[parent];
				if (p <= key) {
					break;
				}
				heap[i] = p;
				i = parent;
			}
			heap[i] = key;
		}

		private long pop() {
			long top = heap[0];
			long last = heap[--heapSize];
			int i = 0;
			int half = heapSize >>> 1;
			while (i < half) {
				int child = 2 * i + 1;
				long c = heap[child];
				int right = child + 1;
				if (right < heapSize && heap[right] < c) {
					child = right;
					c = heap[right];
				}
				if (last <= c) {
					break;
				}
				heap[i] = c;
				i = child;
			}
			heap[i] = last;
			return top;
		}
	}
}

package org.jinlin.circle.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The coverage computation: for every facility category and every origin, the walk to the nearest facility
 * of that category. One multi-source search per category (all its facilities are sources at once), never one
 * search per origin, each stopping at the cutoff; categories run in parallel. Each search is bounded by the
 * origins (one shared forward search gives every node its walk from the nearest origin; a node that cannot lie
 * on an origin's walk within the cutoff is never entered) and stops once every origin is settled — exact, and
 * about a third of the work on a city graph (measured in {@code bench/fifteen-minute}).
 */
public final class CoverageEngine {

	/** An origin's result when no facility of the category is within the cutoff. */
	public static final int BEYOND = -1;

	private CoverageEngine() {
	}

	/**
	 * Where the facilities of one category enter the network: each is a node and the walk from that node to
	 * the facility (along the street and to its door). A facility snapped mid-street enters twice, once per end.
	 */
	public record Sources(int[] nodes, int[] offsetMillis) {

		public static Sources atNodes(int... nodes) {
			return new Sources(nodes, new int[nodes.length]);
		}

		public int size() {
			return nodes.length;
		}
	}

	/**
	 * Where origins (buildings) enter the network: up to two nodes each (the ends of the street it stands on),
	 * with the walk from the door to that node; node -1 when there is none.
	 */
	public record Origins(int[] nodeA, int[] offsetA, int[] nodeB, int[] offsetB) {

		public static Origins atNodes(int... nodes) {
			int[] none = new int[nodes.length];
			java.util.Arrays.fill(none, -1);
			return new Origins(nodes, new int[nodes.length], none, new int[nodes.length]);
		}

		public int size() {
			return nodeA.length;
		}

		/** The origin's walk given a search towards the facilities, or {@link #BEYOND}. */
		int walk(int origin, WalkSearch search, int cutoff) {
			long best = Long.MAX_VALUE;
			int a = nodeA[origin];
			if (a >= 0 && search.cost(a) != WalkSearch.UNREACHED) {
				best = (long) search.cost(a) + offsetA[origin];
			}
			int b = nodeB[origin];
			if (b >= 0 && search.cost(b) != WalkSearch.UNREACHED) {
				best = Math.min(best, (long) search.cost(b) + offsetB[origin]);
			}
			return best <= cutoff ? (int) best : BEYOND;
		}
	}

	/**
	 * Milliseconds from each origin to the nearest source of each category ({@code result[category][origin]}),
	 * or {@link #BEYOND} when over the cutoff.
	 *
	 * @param threads parallel searches (each holds two int arrays of the graph's size)
	 * @param categoryDone called with the number of categories finished so far, from the worker threads
	 */
	public static int[][] nearest(WalkGraph graph, List<Sources> categories, Origins origins, int cutoffMillis,
			int threads, IntConsumer categoryDone) {
		int[][] result = new int[categories.size()][];
		if (categories.isEmpty()) {
			return result;
		}
		// Once for all categories: the walk from the nearest origin to every node (a forward search from all
		// origins' entry nodes), kept while the graph, the origins and the cutoff stay the same. Each category's
		// search then enters only nodes that can still lie on an origin's walk within the cutoff, and stops once
		// every origin's entry node is settled. While the shared search runs (on one thread), the other threads
		// already search the largest categories without its bound (exact too, only less pruned).
		java.util.concurrent.atomic.AtomicReference<OriginBound> bound = new java.util.concurrent.atomic.AtomicReference<>(
				kept(graph, origins, cutoffMillis));
		BitSet targets = bound.get() != null ? bound.get().targets() : OriginBound.targets(graph, origins);
		int targetCount = targets.cardinality();
		// Largest categories first, so no thread is left alone with a long search at the end.
		Integer[] order = new Integer[categories.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (x, y) -> Integer.compare(categories.get(y).size(), categories.get(x).size()));
		int workers = Math.max(1, Math.min(threads, categories.size()));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		java.util.concurrent.atomic.AtomicBoolean boundClaimed = new java.util.concurrent.atomic.AtomicBoolean(
				bound.get() != null);
		Runnable work = () -> {
			WalkSearch search = new WalkSearch(graph);
			// The first worker to start computes the shared search; the others begin with the categories.
			if (boundClaimed.compareAndSet(false, true)) {
				OriginBound b = OriginBound.compute(graph, origins, cutoffMillis, targets, search);
				keep(b);
				bound.set(b);
				search = new WalkSearch(graph);
			}
			int k;
			while ((k = next.getAndIncrement()) < order.length) {
				int c = order[k];
				Sources s = categories.get(c);
				OriginBound b = bound.get();
				search.towardsOrigins(s.nodes(), s.offsetMillis(), cutoffMillis, b == null ? null : b.costs(), targets,
						targetCount);
				int[] walks = new int[origins.size()];
				for (int o = 0; o < walks.length; o++) {
					walks[o] = origins.walk(o, search, cutoffMillis);
				}
				result[c] = walks;
				if (categoryDone != null) {
					categoryDone.accept(done.incrementAndGet());
				}
			}
		};
		if (workers == 1) {
			work.run();
			return result;
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
			Thread t = new Thread(r, "coverage-search");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				futures.add(pool.submit(work));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Coverage computation interrupted", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("Coverage computation failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return result;
	}

	/** The shared search kept from the last computation (one network, one set of origins at a time). */
	private static volatile OriginBound kept;

	/** Forgets the kept shared search (the benchmark's cold runs; tests). */
	public static void forgetKeptSearch() {
		kept = null;
	}

	private static OriginBound kept(WalkGraph graph, Origins origins, int cutoff) {
		OriginBound k = kept;
		return k != null && k.matches(graph, origins, cutoff) ? k : null;
	}

	private static void keep(OriginBound bound) {
		kept = bound;
	}

	/**
	 * The walk from the nearest origin to every node, within the cutoff ({@link WalkSearch#UNREACHED} beyond), for
	 * the graph, the origins (copied) and the cutoff it was computed for; and the origins' entry nodes.
	 */
	private record OriginBound(WalkGraph graph, int cutoff, int[] nodeA, int[] offsetA, int[] nodeB, int[] offsetB,
			int[] costs, BitSet targets) {

		static BitSet targets(WalkGraph graph, Origins origins) {
			BitSet targets = new BitSet(graph.nodeCount());
			for (int o = 0; o < origins.size(); o++) {
				if (origins.nodeA()[o] >= 0) {
					targets.set(origins.nodeA()[o]);
				}
				if (origins.nodeB()[o] >= 0) {
					targets.set(origins.nodeB()[o]);
				}
			}
			return targets;
		}

		static OriginBound compute(WalkGraph graph, Origins origins, int cutoff, BitSet targets, WalkSearch search) {
			int[] entryNodes = new int[2 * origins.size()];
			int[] entryOffsets = new int[2 * origins.size()];
			int entries = 0;
			for (int o = 0; o < origins.size(); o++) {
				if (origins.nodeA()[o] >= 0) {
					entryNodes[entries] = origins.nodeA()[o];
					entryOffsets[entries++] = origins.offsetA()[o];
				}
				if (origins.nodeB()[o] >= 0) {
					entryNodes[entries] = origins.nodeB()[o];
					entryOffsets[entries++] = origins.offsetB()[o];
				}
			}
			search.fromCostsOnly(Arrays.copyOf(entryNodes, entries), Arrays.copyOf(entryOffsets, entries), cutoff);
			// The search's own cost array becomes the bound (the search object is not used again).
			return new OriginBound(graph, cutoff, origins.nodeA().clone(), origins.offsetA().clone(),
					origins.nodeB().clone(), origins.offsetB().clone(), search.costs(), targets);
		}

		boolean matches(WalkGraph g, Origins o, int c) {
			return graph == g && cutoff == c && Arrays.equals(nodeA, o.nodeA()) && Arrays.equals(offsetA, o.offsetA())
					&& Arrays.equals(nodeB, o.nodeB()) && Arrays.equals(offsetB, o.offsetB());
		}
	}
}

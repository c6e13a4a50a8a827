package org.jinlin.circle.network;

import java.util.ArrayList;
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
 * search per origin, each stopping at the cutoff; categories run in parallel.
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
		int workers = Math.max(1, Math.min(threads, categories.size()));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		Runnable work = () -> {
			WalkSearch search = new WalkSearch(graph);
			int c;
			while ((c = next.getAndIncrement()) < categories.size()) {
				Sources s = categories.get(c);
				search.towards(s.nodes(), s.offsetMillis(), cutoffMillis);
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
}

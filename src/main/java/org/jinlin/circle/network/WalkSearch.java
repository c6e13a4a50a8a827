package org.jinlin.circle.network;

import java.util.Arrays;

/**
 * Dijkstra's algorithm on a {@link WalkGraph} from one or many sources at once, up to a cutoff. A search
 * {@link #towards(int[], int[], int) towards} sources runs on the reverse arcs and gives every node its walk
 * to the nearest source (the coverage: one search per facility category, with all its facilities as
 * sources); a search {@link #from(int[], int[], int) from} sources runs on the forward arcs (walking areas).
 * <p>
 * Integer costs and a binary heap of packed (cost, node) longs with lazy deletion. One instance per thread:
 * it reuses its arrays, and the results are valid until its next search.
 */
public final class WalkSearch {

	/** Cost of a node not reached within the cutoff. */
	public static final int UNREACHED = Integer.MAX_VALUE;

	private final WalkGraph graph;

	private final int[] cost;

	private final int[] settled;

	private int settledCount;

	/** Every node given a cost by the last search (settled or still in the heap when it stopped early). */
	private final int[] touched;

	private int touchedCount;

	private long[] heap = new long[1024];

	private int heapSize;

	public WalkSearch(WalkGraph graph) {
		this.graph = graph;
		this.cost = new int[graph.nodeCount()];
		this.settled = new int[graph.nodeCount()];
		this.touched = new int[graph.nodeCount()];
		Arrays.fill(cost, UNREACHED);
	}

	/** Walk from every node to the nearest source, where a source is entered at a cost (its offset). */
	public WalkSearch towards(int[] sources, int[] offsets, int cutoff) {
		return run(sources, offsets, cutoff, graph.reverseFirst, graph.reverseTail, graph.reverseCost, null, null, 0);
	}

	/**
	 * Like {@link #towards(int[], int[], int)}, but only for the walks of some origins: a node is entered only if
	 * its cost plus {@code bound[node]} (the walk from the nearest origin to it, {@link #UNREACHED} if none within
	 * the cutoff) is within the cutoff, and the search stops once every node in {@code targets} is settled.
	 * Exact for those targets: on an origin's best path within the cutoff every node v has bound(v) plus the
	 * rest of the path within the cutoff, so the bound never cuts it; and a node is final once settled. Costs of
	 * other nodes are then only upper bounds (or unreached).
	 */
	public WalkSearch towardsOrigins(int[] sources, int[] offsets, int cutoff, int[] bound, java.util.BitSet targets,
			int targetCount) {
		return run(sources, offsets, cutoff, graph.reverseFirst, graph.reverseTail, graph.reverseCost, bound, targets,
				targetCount);
	}

	/** Walk from the nearest source to every node. */
	public WalkSearch from(int[] sources, int[] offsets, int cutoff) {
		return run(sources, offsets, cutoff, graph.forwardFirst, graph.forwardHead, graph.forwardCost, null, null, 0);
	}

	/** Milliseconds of the last search at a node, or {@link #UNREACHED}. */
	public int cost(int node) {
		return cost[node];
	}

	/** How many nodes the last search settled (reached within the cutoff). */
	public int settledCount() {
		return settledCount;
	}

	/** The i-th node the last search settled, in order of cost. */
	public int settled(int i) {
		return settled[i];
	}

	private WalkSearch run(int[] sources, int[] offsets, int cutoff, int[] first, int[] other, int[] arcCost,
			int[] bound, java.util.BitSet targets, int targetCount) {
		for (int i = 0; i < touchedCount; i++) {
			cost[touched[i]] = UNREACHED;
		}
		touchedCount = 0;
		settledCount = 0;
		heapSize = 0;
		for (int i = 0; i < sources.length; i++) {
			int s = sources[i];
			int c = offsets == null ? 0 : offsets[i];
			if (s >= 0 && c <= cutoff && c < cost[s] && (bound == null || (long) c + bound[s] <= cutoff)) {
				if (cost[s] == UNREACHED) {
					touched[touchedCount++] = s;
				}
				cost[s] = c;
				push(c, s);
			}
		}
		int targetsLeft = targetCount;
		while (heapSize > 0) {
			long top = pop();
			int node = (int) top;
			int c = (int) (top >>> 32);
			if (c != cost[node]) {
				continue; // a stale entry: the node was reached more cheaply later (costs only ever go down)
			}
			settled[settledCount++] = node;
			if (targets != null && targets.get(node) && --targetsLeft == 0) {
				break;
			}
			for (int a = first[node], end = first[node + 1]; a < end; a++) {
				int next = other[a];
				int nc = c + arcCost[a];
				if (nc < cost[next] && nc <= cutoff && (bound == null || (long) nc + bound[next] <= cutoff)) {
					if (cost[next] == UNREACHED) {
						touched[touchedCount++] = next;
					}
					cost[next] = nc;
					push(nc, next);
				}
			}
		}
		return this;
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

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

	/**
	 * Per node, interleaved: the cost at {@code 2v} and the bound of the last bounded search at {@code 2v + 1}, so
	 * that a relaxation reads one cache line, not two.
	 */
	private final int[] label;

	/** The bound array last copied into {@link #label} (null: zeros). */
	private int[] loadedBound;

	private final int[] settled;

	private int settledCount;

	/** Every node given a cost by the last search (settled or still in the heap when it stopped early). */
	private final int[] touched;

	private int touchedCount;

	/** For searches with owners: the source that gave each node its cost (valid where the cost is). */
	private int[] owner;

	private int[] sourceOwners;

	private long[] heap = new long[1024];

	/** Bucket searches: per node, {@link #SCANNED} and {@link #COUNTED} bits (reset with the labels). */
	private byte[] state;

	private static final byte SCANNED = 1;

	private static final byte COUNTED = 2;

	/** Bucket searches: the nodes queued per bucket of costs ({@code cost >> shift}), kept between searches. */
	private int[][] bucket = new int[0][];

	private int[] bucketSize = new int[0];

	private int[] work = new int[1024];

	/** The cheapest arc of the graph (bucket searches choose their width from it), computed on first use. */
	private int minArc;

	private int heapSize;

	public WalkSearch(WalkGraph graph) {
		this.graph = graph;
		this.label = new int[2 * graph.nodeCount()];
		this.settled = new int[graph.nodeCount()];
		this.touched = new int[graph.nodeCount()];
		for (int v = 0; v < graph.nodeCount(); v++) {
			label[2 * v] = UNREACHED;
		}
	}

	/** Walk from every node to the nearest source, where a source is entered at a cost (its offset). */
	public WalkSearch towards(int[] sources, int[] offsets, int cutoff) {
		return run(sources, offsets, cutoff, graph.reverseFirst, graph.reverseArc, null, null, 0);
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
		return buckets(sources, offsets, cutoff, graph.reverseFirst, graph.reverseArc, bound, targets, targetCount);
	}

	/**
	 * Like {@link #towardsOrigins}, and each node also learns which source gave it its cost ({@link #owner(int)}):
	 * {@code owners[i]} for {@code sources[i]}. {@code bound} may be null (no bound, no targets).
	 */
	public WalkSearch towardsOwned(int[] sources, int[] offsets, int[] owners, int cutoff, int[] bound,
			java.util.BitSet targets, int targetCount) {
		if (owner == null) {
			owner = new int[graph.nodeCount()];
		}
		sourceOwners = owners;
		try {
			return run(sources, offsets, cutoff, graph.reverseFirst, graph.reverseArc, bound, targets, targetCount);
		}
		finally {
			sourceOwners = null;
		}
	}

	/** The owner of a node's cost in the last {@link #towardsOwned} search. */
	public int owner(int node) {
		return owner[node];
	}

	/** The costs of the last search, by node ({@link #UNREACHED} where none): a bound for another search. */
	int[] costs() {
		int[] out = new int[graph.nodeCount()];
		for (int v = 0; v < out.length; v++) {
			out[v] = label[2 * v];
		}
		return out;
	}

	/**
	 * Walk from the nearest source to every node, as {@link #from(int[], int[], int)} but with the bucket queue and
	 * without the settled order: for a bound, where only the costs count.
	 */
	WalkSearch fromCostsOnly(int[] sources, int[] offsets, int cutoff) {
		return buckets(sources, offsets, cutoff, graph.forwardFirst, graph.forwardArc, null, null, 0);
	}

	/** Walk from the nearest source to every node. */
	public WalkSearch from(int[] sources, int[] offsets, int cutoff) {
		return run(sources, offsets, cutoff, graph.forwardFirst, graph.forwardArc, null, null, 0);
	}

	/** Milliseconds of the last search at a node, or {@link #UNREACHED}. */
	public int cost(int node) {
		return label[2 * node];
	}

	/** How many nodes the last search settled (reached within the cutoff). */
	public int settledCount() {
		return settledCount;
	}

	/** The i-th node the last search settled, in order of cost. */
	public int settled(int i) {
		return settled[i];
	}

	/**
	 * Clears what the last search left (costs, and a bucket search's marks: either kind may have run before) and loads
	 * the bound, if any, beside the costs. Returns whether the search is bounded.
	 */
	private boolean reset(int[] bound) {
		for (int i = 0; i < touchedCount; i++) {
			label[2 * touched[i]] = UNREACHED;
		}
		if (state != null) {
			for (int i = 0; i < touchedCount; i++) {
				state[touched[i]] = 0;
			}
		}
		if (bound != null && bound != loadedBound) {
			for (int v = 0, n = graph.nodeCount(); v < n; v++) {
				label[2 * v + 1] = bound[v];
			}
			loadedBound = bound;
		}
		touchedCount = 0;
		settledCount = 0;
		return bound != null;
	}

	private WalkSearch run(int[] sources, int[] offsets, int cutoff, int[] first, int[] arc, int[] bound,
			java.util.BitSet targets, int targetCount) {
		int[] label = this.label;
		boolean bounded = reset(bound);
		heapSize = 0;
		for (int i = 0; i < sources.length; i++) {
			int s = sources[i];
			int c = offsets == null ? 0 : offsets[i];
			if (s >= 0 && c <= cutoff && c < label[2 * s] && (!bounded || (long) c + label[2 * s + 1] <= cutoff)) {
				if (label[2 * s] == UNREACHED) {
					touched[touchedCount++] = s;
				}
				label[2 * s] = c;
				if (sourceOwners != null) {
					owner[s] = sourceOwners[i];
				}
				push(c, s);
			}
		}
		int targetsLeft = targetCount;
		while (heapSize > 0) {
			long top = pop();
			int node = (int) top;
			int c = (int) (top >>> 32);
			if (c != label[2 * node]) {
				continue; // a stale entry: the node was reached more cheaply later (costs only ever go down)
			}
			settled[settledCount++] = node;
			if (targets != null && targets.get(node) && --targetsLeft == 0) {
				break;
			}
			for (int a = 2 * first[node], end = 2 * first[node + 1]; a < end; a += 2) {
				int next = arc[a];
				int nc = c + arc[a + 1];
				int at = 2 * next;
				if (nc < label[at] && (bounded ? (long) nc + label[at + 1] <= cutoff : nc <= cutoff)) {
					if (label[at] == UNREACHED) {
						touched[touchedCount++] = next;
					}
					label[at] = nc;
					if (sourceOwners != null) {
						owner[next] = owner[node];
					}
					push(nc, next);
				}
			}
		}
		return this;
	}

	/**
	 * The same search as {@link #run} with a bucket queue instead of a heap (a label-correcting Dial / delta-stepping
	 * search): a node queued with cost c goes to bucket {@code c >> shift}; buckets are emptied in order, each
	 * until no node in it improves any more. Exact: when a bucket is empty, every node whose walk lies in it has its
	 * final cost, because a node improved to a cost in the bucket is queued in it again and scanned again. With the
	 * width at most the cheapest arc (the usual case) a node is scanned once; with a wider one (very short arcs, or a
	 * long cutoff that would need too many buckets) some are scanned twice. A bucket is scanned in node order, so
	 * the scan walks the graph's arrays forwards instead of jumping to wherever a heap sends it. {@link #settled}
	 * is not filled by this search (only costs are given).
	 */
	private WalkSearch buckets(int[] sources, int[] offsets, int cutoff, int[] first, int[] arc, int[] bound,
			java.util.BitSet targets, int targetCount) {
		int[] label = this.label;
		if (state == null) {
			state = new byte[graph.nodeCount()];
			minArc = graph.minArcMillis();
		}
		byte[] state = this.state;
		boolean bounded = reset(bound);
		// The widest power of two not above the cheapest arc, but no more than 4,096 buckets up to the cutoff.
		int shift = 31 - Integer.numberOfLeadingZeros(minArc);
		while ((cutoff >> shift) >= 4096) {
			shift++;
		}
		int count = (cutoff >> shift) + 1;
		if (bucket.length < count) {
			bucket = Arrays.copyOf(bucket, count);
			bucketSize = new int[count];
		}
		int[][] bucket = this.bucket;
		int[] size = this.bucketSize;
		Arrays.fill(size, 0, count, 0);
		for (int i = 0; i < sources.length; i++) {
			int s = sources[i];
			int c = offsets == null ? 0 : offsets[i];
			if (s >= 0 && c <= cutoff && c < label[2 * s] && (!bounded || (long) c + label[2 * s + 1] <= cutoff)) {
				if (label[2 * s] == UNREACHED) {
					touched[touchedCount++] = s;
				}
				label[2 * s] = c;
				add(c >> shift, s);
			}
		}
		int targetsLeft = targets == null ? -1 : targetCount;
		for (int b = 0; b < count; b++) {
			while (size[b] > 0) {
				// Take the bucket's nodes out (the bucket may fill again while they are scanned).
				int n = size[b];
				int[] nodes = bucket[b];
				bucket[b] = work;
				size[b] = 0;
				work = nodes;
				if (n > 1) {
					Arrays.sort(nodes, 0, n);
				}
				for (int i = 0; i < n; i++) {
					int node = nodes[i];
					int c = label[2 * node];
					if ((c >> shift) != b || (state[node] & SCANNED) != 0) {
						continue; // queued again since, or already scanned at this cost
					}
					state[node] |= SCANNED;
					if (targetsLeft > 0 && (state[node] & COUNTED) == 0 && targets.get(node)) {
						state[node] |= COUNTED;
						targetsLeft--;
					}
					for (int a = 2 * first[node], end = 2 * first[node + 1]; a < end; a += 2) {
						int next = arc[a];
						int nc = c + arc[a + 1];
						int at = 2 * next;
						if (nc < label[at] && (bounded ? (long) nc + label[at + 1] <= cutoff : nc <= cutoff)) {
							if (label[at] == UNREACHED) {
								touched[touchedCount++] = next;
							}
							label[at] = nc;
							state[next] &= ~SCANNED;
							add(nc >> shift, next);
						}
					}
				}
			}
			// Every target has its final cost once the bucket holding the last of them is empty.
			if (targetsLeft == 0) {
				break;
			}
		}
		return this;
	}

	private void add(int b, int node) {
		int[] nodes = bucket[b];
		if (nodes == null) {
			nodes = bucket[b] = new int[256];
		}
		else if (bucketSize[b] == nodes.length) {
			nodes = bucket[b] = Arrays.copyOf(nodes, nodes.length * 2);
		}
		nodes[bucketSize[b]++] = node;
	}

	// A 4-ary heap: half the depth of a binary one, and a node's four children share a cache line.
	private void push(int c, int node) {
		if (heapSize == heap.length) {
			heap = Arrays.copyOf(heap, heap.length * 2);
		}
		long key = ((long) c << 32) | node;
		int i = heapSize++;
		while (i > 0) {
			int parent = (i - 1) >>> 2;
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
		int size = heapSize;
		int i = 0;
		while (true) {
			int child = 4 * i + 1;
			if (child >= size) {
				break;
			}
			long c = heap[child];
			int end = Math.min(child + 4, size);
			for (int k = child + 1; k < end; k++) {
				if (heap[k] < c) {
					c = heap[k];
					child = k;
				}
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

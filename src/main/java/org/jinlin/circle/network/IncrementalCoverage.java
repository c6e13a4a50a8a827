package org.jinlin.circle.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.circle.network.CoverageEngine.Origins;

/**
 * The coverage of one category kept up to date as its facilities change, without a full run: per origin the walk
 * to the nearest facility and which facility gives it (its owner). A change is one or two small searches:
 * <ul>
 * <li>a facility added (or moved to): one search from its site up to the cutoff; the origins it reaches sooner than
 * their current best take it as their owner;</li>
 * <li>a facility closed (or moved away): only the origins it owned can get worse. A forward search from those
 * origins up to the cutoff finds every remaining facility that could serve them; one search from those facilities,
 * stopping once the affected origins are settled, gives them their new walks and owners.</li>
 * </ul>
 * Exact: the results equal a full run on the changed facilities (ties may name another owner of the same walk,
 * which keeps later changes exact too). A facility may also be walked to directly along the street an origin
 * stands on ({@link Facility#directOrigins()}), as the application's coverage does.
 * <p>
 * Thread-safe: {@link #change} and {@link #commit} are synchronized, and indexes of several categories built on one
 * {@link Shared} (the searches, each with arrays of the graph's size) take turns with them.
 */
public final class IncrementalCoverage {

	/**
	 * Where one facility enters the network (nodes and the walk from each node to it) and, optionally, the origins
	 * that can walk to it directly along their own street, with those walks.
	 */
	public record Facility(int[] nodes, int[] offsetMillis, int[] directOrigins, int[] directMillis) {

		public static Facility at(int[] nodes, int[] offsetMillis) {
			return new Facility(nodes, offsetMillis, new int[0], new int[0]);
		}

		public static Facility atNode(int node) {
			return at(new int[] { node }, new int[] { 0 });
		}
	}

	/**
	 * The origins whose walk or owner a change alters: for each, the walk before and after ({@link CoverageEngine#BEYOND}
	 * when beyond the cutoff) and the new owner (-1 when none).
	 */
	public record Change(int[] origins, int[] walksBefore, int[] walksAfter, int[] ownersAfter) {

		public int size() {
			return origins.length;
		}

		/** How many origins' walks change (the rest only change owner, a tie). */
		public int walksChanged() {
			int n = 0;
			for (int i = 0; i < origins.length; i++) {
				n += walksBefore[i] != walksAfter[i] ? 1 : 0;
			}
			return n;
		}
	}

	private final Shared shared;

	private final WalkGraph graph;

	private final Origins origins;

	private final int cutoff;

	/** Origins by entry node, in compressed rows. */
	private final int[] originFirst;

	private final int[] originAt;

	private final Map<Integer, Facility> facilities = new LinkedHashMap<>();

	/** Facility entries by node: packed (facility key, offset). */
	private final Map<Integer, List<long[]>> entriesAt = new HashMap<>();

	/** Direct walks along an origin's street: origin to (facility key, millis). */
	private final Map<Integer, List<int[]>> directAt = new HashMap<>();

	private final int[] walk;

	private final int[] owner;

	private final WalkSearch search;

	private final WalkSearch forward;

	/**
	 * What the indexes of several categories over the same graph, origins and cutoff share: the origins by node and
	 * the two searches (each holds arrays of the graph's size; a change uses them under this object's lock).
	 */
	public static final class Shared {

		final WalkGraph graph;

		final Origins origins;

		final int cutoff;

		final int[] originFirst;

		final int[] originAt;

		final WalkSearch search;

		final WalkSearch forward;

		public Shared(WalkGraph graph, Origins origins, int cutoffMillis) {
			this.graph = graph;
			this.origins = origins;
			this.cutoff = cutoffMillis;
			int n = origins.size();
			this.originFirst = new int[graph.nodeCount() + 1];
			for (int o = 0; o < n; o++) {
				if (origins.nodeA()[o] >= 0) {
					originFirst[origins.nodeA()[o] + 1]++;
				}
				if (origins.nodeB()[o] >= 0 && origins.nodeB()[o] != origins.nodeA()[o]) {
					originFirst[origins.nodeB()[o] + 1]++;
				}
			}
			for (int v = 0; v < graph.nodeCount(); v++) {
				originFirst[v + 1] += originFirst[v];
			}
			this.originAt = new int[originFirst[graph.nodeCount()]];
			int[] next = Arrays.copyOf(originFirst, graph.nodeCount());
			for (int o = 0; o < n; o++) {
				if (origins.nodeA()[o] >= 0) {
					originAt[next[origins.nodeA()[o]]++] = o;
				}
				if (origins.nodeB()[o] >= 0 && origins.nodeB()[o] != origins.nodeA()[o]) {
					originAt[next[origins.nodeB()[o]]++] = o;
				}
			}
			this.search = new WalkSearch(graph);
			this.forward = new WalkSearch(graph);
		}
	}

	/** A full computation of the coverage of {@code facilities} (by key, keys at least 0). */
	public IncrementalCoverage(WalkGraph graph, Origins origins, int cutoffMillis, Map<Integer, Facility> facilities) {
		this(new Shared(graph, origins, cutoffMillis), facilities);
	}

	/** The same, sharing the origins' index and the searches with other categories' indexes. */
	public IncrementalCoverage(Shared shared, Map<Integer, Facility> facilities) {
		this.shared = shared;
		this.graph = shared.graph;
		this.origins = shared.origins;
		this.cutoff = shared.cutoff;
		this.originFirst = shared.originFirst;
		this.originAt = shared.originAt;
		this.search = shared.search;
		this.forward = shared.forward;
		this.walk = new int[origins.size()];
		this.owner = new int[origins.size()];
		facilities.forEach(this::register);
		synchronized (shared) {
			full();
		}
	}

	/** The origin's walk to the nearest facility in milliseconds, or {@link CoverageEngine#BEYOND}. */
	public synchronized int walk(int origin) {
		return walk[origin];
	}

	/** Every origin's walk (a copy). */
	public synchronized int[] walks() {
		return walk.clone();
	}

	/** The facility giving the origin its walk, -1 when none within the cutoff. */
	public synchronized int owner(int origin) {
		return owner[origin];
	}

	public synchronized boolean has(int key) {
		return facilities.containsKey(key);
	}

	public int origins() {
		return origins.size();
	}

	/**
	 * What a change would do, without doing it: facility {@code removed} closed or moved away (-1: none), facility
	 * {@code added} opened or moved to {@code site} ({@code site} null: none). A move is both with the same key.
	 */
	public synchronized Change change(int removed, int added, Facility site) {
		Map<Integer, int[]> overlay = new LinkedHashMap<>();
		synchronized (shared) {
			if (removed >= 0 && facilities.containsKey(removed)) {
				recomputeOwnedBy(removed, added, overlay);
			}
			if (site != null) {
				improveFrom(added, site, overlay);
			}
		}
		List<int[]> changed = new ArrayList<>();
		for (var e : overlay.entrySet()) {
			int o = e.getKey();
			int[] v = e.getValue();
			if (v[0] != walk[o] || v[1] != owner[o]) {
				changed.add(new int[] { o, walk[o], v[0], v[1] });
			}
		}
		changed.sort((x, y) -> Integer.compare(x[0], y[0]));
		return new Change(changed.stream().mapToInt(c -> c[0]).toArray(), changed.stream().mapToInt(c -> c[1]).toArray(),
				changed.stream().mapToInt(c -> c[2]).toArray(), changed.stream().mapToInt(c -> c[3]).toArray());
	}

	/** Makes a change (see {@link #change}) and returns what it altered. */
	public synchronized Change commit(int removed, int added, Facility site) {
		Change change = change(removed, added, site);
		if (removed >= 0) {
			unregister(removed);
		}
		if (site != null) {
			unregister(added);
			register(added, site);
		}
		for (int i = 0; i < change.size(); i++) {
			walk[change.origins()[i]] = change.walksAfter()[i];
			owner[change.origins()[i]] = change.ownersAfter()[i];
		}
		return change;
	}

	private void full() {
		List<int[]> entries = new ArrayList<>();
		facilities.forEach((key, f) -> {
			for (int i = 0; i < f.nodes().length; i++) {
				entries.add(new int[] { f.nodes()[i], f.offsetMillis()[i], key });
			}
		});
		search.towardsOwned(column(entries, 0), column(entries, 1), column(entries, 2), cutoff, null, null, 0);
		for (int o = 0; o < walk.length; o++) {
			long w = best(o);
			walk[o] = w == Long.MAX_VALUE ? CoverageEngine.BEYOND : (int) (w >>> 32);
			owner[o] = w == Long.MAX_VALUE ? -1 : (int) w;
		}
		facilities.forEach((key, f) -> {
			for (int i = 0; i < f.directOrigins().length; i++) {
				int o = f.directOrigins()[i];
				int d = f.directMillis()[i];
				if (d <= cutoff && (walk[o] == CoverageEngine.BEYOND || d < walk[o])) {
					walk[o] = d;
					owner[o] = key;
				}
			}
		});
	}

	/** The origins owned by {@code removed}, recomputed from the remaining facilities near them (not {@code skip}). */
	private void recomputeOwnedBy(int removed, int skip, Map<Integer, int[]> overlay) {
		List<Integer> affected = new ArrayList<>();
		for (int o = 0; o < owner.length; o++) {
			if (owner[o] == removed) {
				affected.add(o);
			}
		}
		if (affected.isEmpty()) {
			return;
		}
		List<int[]> starts = new ArrayList<>();
		BitSet targets = new BitSet(graph.nodeCount());
		for (int o : affected) {
			if (origins.nodeA()[o] >= 0) {
				starts.add(new int[] { origins.nodeA()[o], origins.offsetA()[o] });
				targets.set(origins.nodeA()[o]);
			}
			if (origins.nodeB()[o] >= 0) {
				starts.add(new int[] { origins.nodeB()[o], origins.offsetB()[o] });
				targets.set(origins.nodeB()[o]);
			}
		}
		forward.from(column(starts, 0), column(starts, 1), cutoff);
		List<int[]> candidates = new ArrayList<>();
		for (int i = 0; i < forward.settledCount(); i++) {
			int node = forward.settled(i);
			for (long[] entry : entriesAt.getOrDefault(node, List.of())) {
				int key = (int) entry[0];
				if (key != removed && key != skip) {
					candidates.add(new int[] { node, (int) entry[1], key });
				}
			}
		}
		// No bound from the forward search (copying one costs the graph's size); the affected origins are few, and
		// the search stops once they are all settled.
		search.towardsOwned(column(candidates, 0), column(candidates, 1), column(candidates, 2), cutoff, null, targets,
				targets.cardinality());
		for (int o : affected) {
			long w = best(o);
			int bestWalk = w == Long.MAX_VALUE ? CoverageEngine.BEYOND : (int) (w >>> 32);
			int bestOwner = w == Long.MAX_VALUE ? -1 : (int) w;
			for (int[] d : directAt.getOrDefault(o, List.of())) {
				if (d[0] != removed && d[0] != skip && d[1] <= cutoff
						&& (bestWalk == CoverageEngine.BEYOND || d[1] < bestWalk)) {
					bestWalk = d[1];
					bestOwner = d[0];
				}
			}
			overlay.put(o, new int[] { bestWalk, bestOwner });
		}
	}

	/** Origins the facility at {@code site} would serve sooner than now take it. */
	private void improveFrom(int key, Facility site, Map<Integer, int[]> overlay) {
		int[] owners = new int[site.nodes().length];
		Arrays.fill(owners, key);
		search.towardsOwned(site.nodes(), site.offsetMillis(), owners, cutoff, null, null, 0);
		for (int i = 0; i < search.settledCount(); i++) {
			int node = search.settled(i);
			for (int k = originFirst[node]; k < originFirst[node + 1]; k++) {
				int o = originAt[k];
				long w = best(o);
				if (w != Long.MAX_VALUE) {
					offer(o, (int) (w >>> 32), key, overlay);
				}
			}
		}
		for (int i = 0; i < site.directOrigins().length; i++) {
			if (site.directMillis()[i] <= cutoff) {
				offer(site.directOrigins()[i], site.directMillis()[i], key, overlay);
			}
		}
	}

	private void offer(int o, int w, int key, Map<Integer, int[]> overlay) {
		int[] now = overlay.get(o);
		int current = now != null ? now[0] : walk[o];
		if (current == CoverageEngine.BEYOND || w < current) {
			overlay.put(o, new int[] { w, key });
		}
	}

	/** The origin's best (walk, owner) packed from the last owned search, or Long.MAX_VALUE beyond the cutoff. */
	private long best(int o) {
		long best = Long.MAX_VALUE;
		int a = origins.nodeA()[o];
		if (a >= 0 && search.cost(a) != WalkSearch.UNREACHED && (long) search.cost(a) + origins.offsetA()[o] <= cutoff) {
			best = ((long) (search.cost(a) + origins.offsetA()[o]) << 32) | search.owner(a);
		}
		int b = origins.nodeB()[o];
		if (b >= 0 && search.cost(b) != WalkSearch.UNREACHED && (long) search.cost(b) + origins.offsetB()[o] <= cutoff) {
			long viaB = ((long) (search.cost(b) + origins.offsetB()[o]) << 32) | search.owner(b);
			if (viaB >>> 32 < best >>> 32) {
				best = viaB;
			}
		}
		return best;
	}

	private void register(int key, Facility f) {
		if (key < 0) {
			throw new IllegalArgumentException("Facility keys are at least 0");
		}
		facilities.put(key, f);
		for (int i = 0; i < f.nodes().length; i++) {
			entriesAt.computeIfAbsent(f.nodes()[i], k -> new ArrayList<>()).add(new long[] { key, f.offsetMillis()[i] });
		}
		for (int i = 0; i < f.directOrigins().length; i++) {
			directAt.computeIfAbsent(f.directOrigins()[i], k -> new ArrayList<>())
				.add(new int[] { key, f.directMillis()[i] });
		}
	}

	private void unregister(int key) {
		Facility f = facilities.remove(key);
		if (f == null) {
			return;
		}
		for (int node : f.nodes()) {
			List<long[]> list = entriesAt.get(node);
			if (list != null) {
				list.removeIf(e -> e[0] == key);
				if (list.isEmpty()) {
					entriesAt.remove(node);
				}
			}
		}
		for (int o : f.directOrigins()) {
			List<int[]> list = directAt.get(o);
			if (list != null) {
				list.removeIf(d -> d[0] == key);
				if (list.isEmpty()) {
					directAt.remove(o);
				}
			}
		}
	}

	private static int[] column(List<int[]> rows, int c) {
		int[] out = new int[rows.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = rows.get(i)[c];
		}
		return out;
	}
}

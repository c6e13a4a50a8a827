package org.jinlin.circle.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;

/**
 * The walking network as compact arrays for the coverage searches: every junction of a GraphHopper graph,
 * and each walkable direction of each street as an arc with an integer cost in milliseconds. Arcs are kept
 * twice, grouped by tail (forward, "where can I walk from here") and by head (reverse, "who can walk here"),
 * in compressed sparse rows. Costs come from {@link #millis(double, double)}, the same rounding
 * {@link WalkWeighting} gives GraphHopper, so both compute identical walking times.
 * <p>
 * Immutable once built; safe to share between threads.
 */
public final class WalkGraph {

	private final int nodes;

	private final double speedKmh;

	final int[] forwardFirst;

	/** Forward arcs interleaved: head at {@code 2a}, cost at {@code 2a + 1} (one cache line read per arc, not two). */
	final int[] forwardArc;

	final int[] reverseFirst;

	/** Reverse arcs interleaved: tail at {@code 2a}, cost at {@code 2a + 1}. */
	final int[] reverseArc;

	private final double[] latitudes;

	private final double[] longitudes;

	private WalkGraph(int nodes, double speedKmh, int[] tails, int[] heads, int[] costs, int arcs, double[] latitudes,
			double[] longitudes) {
		this.nodes = nodes;
		this.speedKmh = speedKmh;
		this.latitudes = latitudes;
		this.longitudes = longitudes;
		this.forwardFirst = new int[nodes + 1];
		this.forwardArc = new int[2 * arcs];
		this.reverseFirst = new int[nodes + 1];
		this.reverseArc = new int[2 * arcs];
		for (int a = 0; a < arcs; a++) {
			forwardFirst[tails[a] + 1]++;
			reverseFirst[heads[a] + 1]++;
		}
		for (int v = 0; v < nodes; v++) {
			forwardFirst[v + 1] += forwardFirst[v];
			reverseFirst[v + 1] += reverseFirst[v];
		}
		int[] fNext = java.util.Arrays.copyOf(forwardFirst, nodes);
		int[] rNext = java.util.Arrays.copyOf(reverseFirst, nodes);
		for (int a = 0; a < arcs; a++) {
			int f = fNext[tails[a]]++;
			forwardArc[2 * f] = heads[a];
			forwardArc[2 * f + 1] = costs[a];
			int r = rNext[heads[a]]++;
			reverseArc[2 * r] = tails[a];
			reverseArc[2 * r + 1] = costs[a];
		}
	}

	/**
	 * Walking time in milliseconds for a distance at a speed: rounded to the nearest millisecond, at least 1 ms
	 * for any positive distance (so a search never crosses a street for free).
	 */
	public static int millis(double metres, double speedKmh) {
		if (metres <= 0) {
			return 0;
		}
		return (int) Math.max(1, Math.round(metres * 3600.0 / speedKmh));
	}

	/** Arrays from a GraphHopper graph: an edge gives an arc per direction its foot access allows. */
	public static WalkGraph of(BaseGraph graph, BooleanEncodedValue footAccess, double speedKmh) {
		return of(graph, footAccess, speedKmh, null, 1.0);
	}

	/**
	 * Arrays for a walking profile: as {@link #of(BaseGraph, BooleanEncodedValue, double)}, but a flight of steps
	 * (road class {@code STEPS}, from OSM {@code highway=steps}) costs {@code stepsFactor} times its walk at
	 * {@code speedKmh}. Without a road class (a generated grid) no street is steps.
	 */
	public static WalkGraph of(BaseGraph graph, BooleanEncodedValue footAccess, double speedKmh,
			EnumEncodedValue<RoadClass> roadClass, double stepsFactor) {
		int n = graph.getNodes();
		int edges = graph.getEdges();
		int[] tails = new int[edges * 2];
		int[] heads = new int[edges * 2];
		int[] costs = new int[edges * 2];
		int arcs = 0;
		AllEdgesIterator it = graph.getAllEdges();
		while (it.next()) {
			int base = it.getBaseNode();
			int adj = it.getAdjNode();
			if (base == adj) {
				continue;
			}
			int cost = roadClass != null && it.get(roadClass) == RoadClass.STEPS
					? millis(it.getDistance() * stepsFactor, speedKmh) : millis(it.getDistance(), speedKmh);
			if (it.get(footAccess)) {
				tails[arcs] = base;
				heads[arcs] = adj;
				costs[arcs++] = cost;
			}
			if (it.getReverse(footAccess)) {
				tails[arcs] = adj;
				heads[arcs] = base;
				costs[arcs++] = cost;
			}
		}
		double[] lat = new double[n];
		double[] lon = new double[n];
		NodeAccess na = graph.getNodeAccess();
		for (int v = 0; v < n; v++) {
			lat[v] = na.getLat(v);
			lon[v] = na.getLon(v);
		}
		return new WalkGraph(n, speedKmh, tails, heads, costs, arcs, lat, lon);
	}

	/** The cheapest arc's cost in milliseconds (at least 1; 1 for a graph without arcs). */
	public int minArcMillis() {
		int min = Integer.MAX_VALUE;
		for (int a = 1; a < forwardArc.length; a += 2) {
			min = Math.min(min, forwardArc[a]);
		}
		return min == Integer.MAX_VALUE ? 1 : Math.max(1, min);
	}

	public int nodeCount() {
		return nodes;
	}

	public int arcCount() {
		return forwardArc.length / 2;
	}

	public double speedKmh() {
		return speedKmh;
	}

	public int millis(double metres) {
		return millis(metres, speedKmh);
	}

	public double latitude(int node) {
		return latitudes[node];
	}

	public double longitude(int node) {
		return longitudes[node];
	}

	/** Calls back every arc leaving a node: head and cost. For references and tests; the searches read the arrays. */
	public void forEachArcFrom(int node, ArcConsumer consumer) {
		for (int a = forwardFirst[node]; a < forwardFirst[node + 1]; a++) {
			consumer.accept(forwardArc[2 * a], forwardArc[2 * a + 1]);
		}
	}

	@FunctionalInterface
	public interface ArcConsumer {

		void accept(int head, int costMillis);
	}
}

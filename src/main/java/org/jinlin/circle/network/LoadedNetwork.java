package org.jinlin.circle.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;

/**
 * A walking network ready for searches on this instance: the GraphHopper graph with its foot access and
 * location index, and the compact {@link WalkGraph}. Points (buildings, facilities) are placed on the
 * nearest walkable street: the straight walk from the point to the street plus the walk along the street
 * to either end, where the street's foot access allows that direction.
 */
public final class LoadedNetwork implements AutoCloseable {

	private final long id;

	private final String name;

	private final boolean generated;

	private final BaseGraph graph;

	private final BooleanEncodedValue footAccess;

	private final LocationIndex index;

	private final WalkGraph walk;

	private final AutoCloseable resources;

	public LoadedNetwork(long id, String name, boolean generated, BaseGraph graph, BooleanEncodedValue footAccess,
			LocationIndex index, double speedKmh, AutoCloseable resources) {
		this(id, name, generated, graph, footAccess, index, WalkGraph.of(graph, footAccess, speedKmh), resources);
	}

	private LoadedNetwork(long id, String name, boolean generated, BaseGraph graph, BooleanEncodedValue footAccess,
			LocationIndex index, WalkGraph walk, AutoCloseable resources) {
		this.id = id;
		this.name = name;
		this.generated = generated;
		this.graph = graph;
		this.footAccess = footAccess;
		this.index = index;
		this.resources = resources;
		this.walk = walk;
	}

	/** The same streets under another network row (the generated grid is shared by identical rows). */
	LoadedNetwork as(long otherId, String otherName) {
		return otherId == id && otherName.equals(name) ? this
				: new LoadedNetwork(otherId, otherName, generated, graph, footAccess, index, walk, null);
	}

	/**
	 * Where a point meets the network.
	 *
	 * @param nodeA first end node, or -1 when that direction is not walkable
	 * @param millisA walk between the point and nodeA (door to street, then along the street)
	 * @param accessMetres straight line from the point to the street
	 * @param edge the street (GraphHopper edge id)
	 * @param alongMetres position on the street, metres from its base node
	 */
	public record Placement(int nodeA, int millisA, int nodeB, int millisB, double accessMetres, int edge,
			double alongMetres, double edgeMetres, boolean forward, boolean backward) {
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public boolean generated() {
		return generated;
	}

	public WalkGraph walk() {
		return walk;
	}

	public BaseGraph graph() {
		return graph;
	}

	public BooleanEncodedValue footAccess() {
		return footAccess;
	}

	/** Edges (streets) of the network. */
	public int edges() {
		return graph.getEdges();
	}

	/**
	 * Streets (walkable edges) crossing a WGS-84 box, each as a line of [latitude, longitude] points, at most
	 * {@code limit}: the full way geometry when {@code detailed}, else only the street's two ends.
	 */
	public synchronized java.util.List<double[][]> streets(double south, double west, double north, double east,
			int limit, boolean detailed) {
		java.util.List<double[][]> lines = new java.util.ArrayList<>();
		java.util.BitSet seen = new java.util.BitSet();
		index.query(new com.graphhopper.util.shapes.BBox(west, east, south, north), edgeId -> {
			if (lines.size() >= limit || seen.get(edgeId)) {
				return;
			}
			seen.set(edgeId);
			EdgeIteratorState edge = graph.getEdgeIteratorState(edgeId, Integer.MIN_VALUE);
			if (!edge.get(footAccess) && !edge.getReverse(footAccess)) {
				return;
			}
			PointList points = edge.fetchWayGeometry(detailed ? FetchMode.ALL : FetchMode.TOWER_ONLY);
			double[][] line = new double[points.size()][];
			double minLat = 90;
			double maxLat = -90;
			double minLon = 180;
			double maxLon = -180;
			for (int i = 0; i < points.size(); i++) {
				line[i] = new double[] { points.getLat(i), points.getLon(i) };
				minLat = Math.min(minLat, line[i][0]);
				maxLat = Math.max(maxLat, line[i][0]);
				minLon = Math.min(minLon, line[i][1]);
				maxLon = Math.max(maxLon, line[i][1]);
			}
			if (minLat <= north && maxLat >= south && minLon <= east && maxLon >= west) {
				lines.add(line);
			}
		});
		return lines;
	}

	/**
	 * Places an origin (someone walking away from the point), or {@code null} when no walkable street is within
	 * {@code maxMetres}. nodeA is the street's base node (reached walking backwards along it), nodeB its adjacent
	 * node (walking forwards).
	 */
	public Placement origin(double latitude, double longitude, double maxMetres) {
		return place(latitude, longitude, maxMetres, true);
	}

	/** Places a destination (a facility someone walks to), or {@code null} when too far from any street. */
	public Placement destination(double latitude, double longitude, double maxMetres) {
		return place(latitude, longitude, maxMetres, false);
	}

	private synchronized Placement place(double latitude, double longitude, double maxMetres, boolean origin) {
		Snap snap = index.findClosest(latitude, longitude, e -> e.get(footAccess) || e.getReverse(footAccess));
		if (!snap.isValid() || snap.getQueryDistance() > maxMetres) {
			return null;
		}
		EdgeIteratorState edge = snap.getClosestEdge();
		PointList points = edge.fetchWayGeometry(FetchMode.ALL);
		double total = 0;
		double before = 0;
		int way = Math.min(snap.getWayIndex(), points.size() - 1);
		for (int i = 0; i + 1 < points.size(); i++) {
			double segment = DistanceCalcEarth.DIST_EARTH.calcDist(points.getLat(i), points.getLon(i), points.getLat(i + 1),
					points.getLon(i + 1));
			if (i < way) {
				before += segment;
			}
			total += segment;
		}
		before += DistanceCalcEarth.DIST_EARTH.calcDist(points.getLat(way), points.getLon(way),
				snap.getSnappedPoint().getLat(), snap.getSnappedPoint().getLon());
		double length = edge.getDistance();
		double along = total <= 0 ? 0 : Math.min(length, before / total * length);
		double access = snap.getQueryDistance();
		boolean forward = edge.get(footAccess); // base -> adj
		boolean backward = edge.getReverse(footAccess); // adj -> base
		int base = edge.getBaseNode();
		int adj = edge.getAdjNode();
		int nodeA = -1;
		int nodeB = -1;
		int millisA = 0;
		int millisB = 0;
		// An origin leaves towards base walking backwards along the edge, towards adj walking forwards; a
		// destination is reached from base walking forwards, from adj walking backwards.
		if (origin ? backward : forward) {
			nodeA = base;
			millisA = walk.millis(access + along);
		}
		if (origin ? forward : backward) {
			nodeB = adj;
			millisB = walk.millis(access + (length - along));
		}
		if (nodeA < 0 && nodeB < 0) {
			return null;
		}
		return new Placement(nodeA, millisA, nodeB, millisB, access, edge.getEdge(), along, length, forward, backward);
	}

	@Override
	public void close() throws Exception {
		if (resources != null) {
			resources.close();
		}
	}
}

package org.jinlin.circle.network;

import java.util.List;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.subnetwork.PrepareRoutingSubnetworks;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
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
 * nearest walkable street of the connected network: the straight walk from the point to the street plus the walk
 * along the street to either end, where the street's foot access allows that direction.
 * <p>
 * The connected network is what GraphHopper's subnetwork preparation leaves: the largest strongly connected part
 * and every other part with at least the minimum number of streets ({@code prepare.min_network_size}); the streets
 * of smaller fragments carry the subnetwork flag, and GraphHopper's {@link DefaultSnapFilter} never places a point
 * on them (a building next to a cut-off courtyard path would otherwise reach nothing at all).
 */
public final class LoadedNetwork implements AutoCloseable {

	private final long id;

	private final String name;

	private final boolean generated;

	private final BaseGraph graph;

	private final BooleanEncodedValue footAccess;

	private final LocationIndex index;

	private final WalkGraph walk;

	/** GraphHopper's flag for the streets of small fragments, or null when the graph has none. */
	private final BooleanEncodedValue subnetwork;

	private final EdgeFilter snapFilter;

	private final AutoCloseable resources;

	/** OSM road class of each street (steps), or null when the graph has none (the generated grid). */
	private final EnumEncodedValue<RoadClass> roadClass;

	/** The elder profile's view, built on first use, with the pace and steps factor it was built for. */
	private volatile LoadedNetwork elder;

	private volatile double[] elderFor;

	/**
	 * A network whose subnetwork flags are already set (GraphHopper's OSM import does that), or whose every part is
	 * used ({@code subnetwork} null).
	 */
	public LoadedNetwork(long id, String name, boolean generated, BaseGraph graph, BooleanEncodedValue footAccess,
			BooleanEncodedValue subnetwork, LocationIndex index, double speedKmh, AutoCloseable resources) {
		this(id, name, generated, graph, footAccess, subnetwork, null, index, speedKmh, resources);
	}

	/** A network whose streets carry their OSM road class ({@code roadClass}, for the steps of the elder profile). */
	public LoadedNetwork(long id, String name, boolean generated, BaseGraph graph, BooleanEncodedValue footAccess,
			BooleanEncodedValue subnetwork, EnumEncodedValue<RoadClass> roadClass, LocationIndex index, double speedKmh,
			AutoCloseable resources) {
		this(id, name, generated, graph, footAccess, subnetwork, roadClass, index,
				WalkGraph.of(graph, footAccess, speedKmh), resources);
	}

	private LoadedNetwork(long id, String name, boolean generated, BaseGraph graph, BooleanEncodedValue footAccess,
			BooleanEncodedValue subnetwork, EnumEncodedValue<RoadClass> roadClass, LocationIndex index, WalkGraph walk,
			AutoCloseable resources) {
		this.id = id;
		this.name = name;
		this.generated = generated;
		this.graph = graph;
		this.footAccess = footAccess;
		this.subnetwork = subnetwork;
		this.index = index;
		this.resources = resources;
		this.roadClass = roadClass;
		this.walk = walk;
		this.snapFilter = subnetwork == null ? e -> e.get(footAccess) || e.getReverse(footAccess)
				: new DefaultSnapFilter(new WalkWeighting(footAccess, walk.speedKmh()), subnetwork);
	}

	/**
	 * Flags the fragments of a graph built here (not by GraphHopper's import) with GraphHopper's own subnetwork
	 * preparation: every strongly connected part for walking except the largest and those with at least
	 * {@code minComponentSize} streets. The graph's encoding manager must hold {@code subnetwork}. When the fragments
	 * would be most of the graph GraphHopper refuses; then every part is used, as before.
	 */
	static void flagFragments(BaseGraph graph, BooleanEncodedValue footAccess, BooleanEncodedValue subnetwork,
			int minComponentSize) {
		if (graph.getEdges() == 0) {
			return;
		}
		try {
			new PrepareRoutingSubnetworks(graph,
					List.of(new PrepareRoutingSubnetworks.PrepareJob(subnetwork, new WalkWeighting(footAccess, 4.0))))
				.setMinNetworkSize(minComponentSize)
				.setThreads(1)
				.doWork();
		}
		catch (IllegalStateException mostlyFragments) {
			var it = graph.getAllEdges();
			while (it.next()) {
				it.set(subnetwork, false);
			}
		}
	}

	/** The same streets under another network row (the generated grid is shared by identical rows). */
	LoadedNetwork as(long otherId, String otherName) {
		return otherId == id && otherName.equals(name) ? this
				: new LoadedNetwork(otherId, otherName, generated, graph, footAccess, subnetwork, roadClass, index, walk,
						null);
	}

	/**
	 * The same streets walked by a profile: this network for STANDARD; for ELDER, walks at {@code elderSpeedKmh}, a
	 * flight of steps costing {@code stepsFactor} times as much per metre (points are placed on the same streets,
	 * their walk to the street at the elder pace).
	 */
	public LoadedNetwork forProfile(WalkingProfile profile, double elderSpeedKmh, double stepsFactor) {
		if (profile == WalkingProfile.STANDARD) {
			return this;
		}
		LoadedNetwork view = elder;
		double[] key = elderFor;
		if (view == null || key[0] != elderSpeedKmh || key[1] != stepsFactor) {
			view = new LoadedNetwork(id, name, generated, graph, footAccess, subnetwork, roadClass, index,
					WalkGraph.of(graph, footAccess, elderSpeedKmh, roadClass, stepsFactor), null);
			elderFor = new double[] { elderSpeedKmh, stepsFactor };
			elder = view;
		}
		return view;
	}

	/** Whether a street (GraphHopper edge id) is a flight of steps (OSM {@code highway=steps}). */
	public boolean steps(int edge) {
		return roadClass != null && graph.getEdgeIteratorState(edge, Integer.MIN_VALUE).get(roadClass) == RoadClass.STEPS;
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

	/** Whether a street (GraphHopper edge id) belongs to the connected network points are placed on. */
	public boolean connected(int edge) {
		EdgeIteratorState e = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE);
		return snapFilter.accept(e);
	}

	/**
	 * Metres from a point to the nearest street of the connected network, however far (for a point that could not
	 * be placed), or NaN when the location index finds none in its search around the point.
	 */
	public synchronized double metresToNetwork(double latitude, double longitude) {
		Snap snap = index.findClosest(latitude, longitude, snapFilter);
		return snap.isValid() ? snap.getQueryDistance() : Double.NaN;
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
	 * Places an origin (someone walking away from the point), or {@code null} when no walkable street of the connected
	 * network is within {@code maxMetres} ({@link #metresToNetwork} then says how far it is). nodeA is the street's base node (reached walking backwards along it), nodeB its adjacent
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
		Snap snap = index.findClosest(latitude, longitude, snapFilter);
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

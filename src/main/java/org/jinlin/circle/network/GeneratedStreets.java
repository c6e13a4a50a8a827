package org.jinlin.circle.network;

import java.util.List;

import com.carrotsearch.hppc.LongIntHashMap;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.ev.VehicleAccess;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RAMDirectory;
import com.graphhopper.storage.index.LocationIndexTree;
import com.graphhopper.util.DistanceCalcEarth;

/**
 * A plausible street grid around a city's buildings, for a city that has no real street data: a
 * lattice of blocks (100 m by default) over every place within a kilometre of a building, with junctions
 * moved a little off the lattice and some block sides missing (dead ends, walls, water), all walkable both
 * ways. Deterministic: the same buildings give the same grid on every instance. The pages say plainly that
 * the network is generated; an OpenStreetMap extract replaces it.
 */
final class GeneratedStreets {

	/** A point the grid must serve. */
	record Point(double latitude, double longitude) {
	}

	private static final double METRES_PER_DEGREE_LAT = 110_574;

	private GeneratedStreets() {
	}

	// block: block side in metres; reach: how far around each point the grid extends, in metres;
	// missingShare: share of block sides left out (0..0.3).
	static LoadedNetwork build(long id, String name, List<Point> points, double block, double reach,
			double missingShare, double speedKmh, int minComponentSize) {
		BooleanEncodedValue access = VehicleAccess.create("foot");
		BooleanEncodedValue subnetwork = Subnetwork.create("foot");
		EncodingManager em = EncodingManager.start().add(access).add(subnetwork).build();
		BaseGraph graph = new BaseGraph.Builder(em).setDir(new RAMDirectory()).create();
		if (points.isEmpty()) {
			LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
			index.prepareIndex();
			return new LoadedNetwork(id, name, true, graph, access, subnetwork, index, speedKmh, graph::close);
		}
		double lat0 = points.stream().mapToDouble(Point::latitude).average().orElse(0);
		double lon0 = points.stream().mapToDouble(Point::longitude).average().orElse(0);
		double metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat0));
		int r = (int) Math.ceil(reach / block);
		LongIntHashMap cells = new LongIntHashMap();
		NodeAccess na = graph.getNodeAccess();
		int nodes = 0;
		for (Point p : points) {
			int ci = (int) Math.round((p.longitude() - lon0) * metresPerDegreeLon / block);
			int cj = (int) Math.round((p.latitude() - lat0) * METRES_PER_DEGREE_LAT / block);
			for (int di = -r; di <= r; di++) {
				for (int dj = -r; dj <= r; dj++) {
					if (di * di + dj * dj > r * r) {
						continue;
					}
					long key = key(ci + di, cj + dj);
					if (!cells.containsKey(key)) {
						int i = ci + di;
						int j = cj + dj;
						double jitterX = (unit(i, j, 1) - 0.5) * 0.3 * block;
						double jitterY = (unit(i, j, 2) - 0.5) * 0.3 * block;
						na.setNode(nodes, lat0 + (j * block + jitterY) / METRES_PER_DEGREE_LAT,
								lon0 + (i * block + jitterX) / metresPerDegreeLon);
						cells.put(key, nodes++);
					}
				}
			}
		}
		for (var cursor : cells) {
			int i = (int) (cursor.key >> 32);
			int j = (int) cursor.key;
			int from = cursor.value;
			link(graph, access, na, from, cells, i + 1, j, unit(i, j, 3) < missingShare);
			link(graph, access, na, from, cells, i, j + 1, unit(i, j, 4) < missingShare);
		}
		LoadedNetwork.flagFragments(graph, access, subnetwork, minComponentSize);
		LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
		index.setMinResolutionInMeter(50);
		index.prepareIndex();
		return new LoadedNetwork(id, name, true, graph, access, subnetwork, index, speedKmh, graph::close);
	}

	private static void link(BaseGraph graph, BooleanEncodedValue access, NodeAccess na, int from, LongIntHashMap cells,
			int i, int j, boolean missing) {
		long key = key(i, j);
		if (missing || !cells.containsKey(key)) {
			return;
		}
		int to = cells.get(key);
		double metres = DistanceCalcEarth.DIST_EARTH.calcDist(na.getLat(from), na.getLon(from), na.getLat(to),
				na.getLon(to));
		graph.edge(from, to).setDistance(metres).set(access, true, true);
	}

	private static long key(int i, int j) {
		return ((long) i << 32) | (j & 0xffffffffL);
	}

	/** A deterministic number from 0 (inclusive) to 1 (exclusive) for a lattice cell and a purpose. */
	private static double unit(int i, int j, int salt) {
		long h = i * 0x9E3779B97F4A7C15L + j * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (h >>> 11) * 0x1.0p-53;
	}
}

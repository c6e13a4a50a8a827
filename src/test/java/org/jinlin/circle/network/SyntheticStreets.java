package org.jinlin.circle.network;

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
 * A synthetic walking network with a fragment cut off from the rest, for tests here and in the coverage package:
 * junctions 0..399 are the main grid, 400..403 the fragment, 404.. a small grid.
 */
public final class SyntheticStreets {

	static final double SPEED = 4.0;

	private SyntheticStreets() {
	}

	public static final double LAT0 = 31.0;

	public static final double LON0 = 121.0;

	public static final double M_LAT = 111_195;

	public static final double M_LON = 111_195 * Math.cos(Math.toRadians(LAT0));

	/** A place x metres east and y metres north of the synthetic grid's south-west corner. */
	public static double lat(double y) {
		return LAT0 + y / M_LAT;
	}

	public static double lon(double x) {
		return LON0 + x / M_LON;
	}

	/**
	 * A 20 x 20 grid of 100 m blocks (the main network, 760 streets), a 3-street path 30 m north of its north edge
	 * that touches nothing (the fragment), and a 6 x 6 grid of 50 m blocks (60 streets) 500 m east of it.
	 */
	public static LoadedNetwork withFragment(int minComponentSize) {
		BooleanEncodedValue access = VehicleAccess.create("foot");
		BooleanEncodedValue subnetwork = Subnetwork.create("foot");
		EncodingManager em = EncodingManager.start().add(access).add(subnetwork).build();
		BaseGraph graph = new BaseGraph.Builder(em).setDir(new RAMDirectory()).create();
		NodeAccess na = graph.getNodeAccess();
		int n = 20;
		for (int j = 0; j < n; j++) {
			for (int i = 0; i < n; i++) {
				na.setNode(j * n + i, lat(j * 100), lon(i * 100));
			}
		}
		for (int j = 0; j < n; j++) {
			for (int i = 0; i < n; i++) {
				if (i + 1 < n) {
					street(graph, access, j * n + i, j * n + i + 1, i % 7 == 3 && j % 5 == 2);
				}
				if (j + 1 < n) {
					street(graph, access, j * n + i, (j + 1) * n + i, false);
				}
			}
		}
		// The fragment: four junctions in a row, 30 m north of the grid's north edge, from x = 900 to x = 1,200.
		int f = n * n;
		for (int k = 0; k < 4; k++) {
			na.setNode(f + k, lat(1900 + 30), lon(900 + k * 100));
		}
		for (int k = 0; k < 3; k++) {
			street(graph, access, f + k, f + k + 1, false);
		}
		// The small grid: 6 x 6 junctions 50 m apart, from x = 2,400 (500 m east of the main grid).
		int g = f + 4;
		for (int j = 0; j < 6; j++) {
			for (int i = 0; i < 6; i++) {
				na.setNode(g + j * 6 + i, lat(j * 50), lon(2400 + i * 50));
			}
		}
		for (int j = 0; j < 6; j++) {
			for (int i = 0; i < 6; i++) {
				if (i + 1 < 6) {
					street(graph, access, g + j * 6 + i, g + j * 6 + i + 1, false);
				}
				if (j + 1 < 6) {
					street(graph, access, g + j * 6 + i, g + (j + 1) * 6 + i, false);
				}
			}
		}
		LoadedNetwork.flagFragments(graph, access, subnetwork, minComponentSize);
		LocationIndexTree index = new LocationIndexTree(graph, new RAMDirectory());
		index.prepareIndex();
		return new LoadedNetwork(7, "synthetic", false, graph, access, subnetwork, index, SPEED, graph::close);
	}

	/** A street walkable both ways, or only from {@code from} to {@code to} when {@code oneWay}. */
	private static void street(BaseGraph graph, BooleanEncodedValue access, int from, int to, boolean oneWay) {
		NodeAccess na = graph.getNodeAccess();
		double metres = DistanceCalcEarth.DIST_EARTH.calcDist(na.getLat(from), na.getLon(from), na.getLat(to),
				na.getLon(to));
		graph.edge(from, to).setDistance(metres).set(access, true, !oneWay);
	}
}

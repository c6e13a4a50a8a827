package org.jinlin.circle.network;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.CircleSettings;
import org.jinlin.circle.TravelTimes;
import org.springframework.stereotype.Service;

/**
 * {@link TravelTimes} on the active walking network: one search from each point (entered on both ends of its street,
 * as the isochrones are), the walk to each other point read off where it meets its street, scaled from the network's
 * walking speed to the requested one.
 */
@Service
@RequiredArgsConstructor
class TravelTimeMatrix implements TravelTimes {

	/** Searches stop after three hours on foot. */
	static final int CUTOFF_MILLIS = 3 * 3600 * 1000;

	/** The straight line is this much shorter than the way along the streets, for a pair the network does not join. */
	static final double DETOUR = 1.4;

	private final NetworkHolder holder;

	private final CircleSettings settings;

	@Override
	public int[][] matrix(List<Point> points, double speedKmh) {
		int n = points.size();
		int[][] seconds = new int[n][n];
		if (n == 0) {
			return seconds;
		}
		LoadedNetwork network = holder.current();
		double maxSnap = settings.network().maxSnapMetres();
		LoadedNetwork.Placement[] from = new LoadedNetwork.Placement[n];
		LoadedNetwork.Placement[] to = new LoadedNetwork.Placement[n];
		for (int i = 0; i < n; i++) {
			from[i] = network.origin(points.get(i).latitude(), points.get(i).longitude(), maxSnap);
			to[i] = network.destination(points.get(i).latitude(), points.get(i).longitude(), maxSnap);
		}
		double scale = network.walk().speedKmh() / speedKmh / 1000.0;
		WalkSearch search = new WalkSearch(network.walk());
		for (int i = 0; i < n; i++) {
			if (from[i] != null) {
				search.from(new int[] { from[i].nodeA(), from[i].nodeB() }, new int[] { from[i].millisA(), from[i].millisB() },
						CUTOFF_MILLIS);
			}
			for (int j = 0; j < n; j++) {
				if (i == j) {
					continue;
				}
				long millis = from[i] == null || to[j] == null ? Long.MAX_VALUE : Math.min(reach(search, to[j].nodeA(), to[j].millisA()),
						reach(search, to[j].nodeB(), to[j].millisB()));
				seconds[i][j] = millis == Long.MAX_VALUE ? straight(points.get(i), points.get(j), speedKmh)
						: (int) Math.round(millis * scale);
			}
		}
		return seconds;
	}

	private static long reach(WalkSearch search, int node, int millis) {
		if (node < 0 || search.cost(node) == WalkSearch.UNREACHED) {
			return Long.MAX_VALUE;
		}
		return (long) search.cost(node) + millis;
	}

	static int straight(Point a, Point b, double speedKmh) {
		double metres = com.graphhopper.util.DistanceCalcEarth.DIST_EARTH.calcDist(a.latitude(), a.longitude(), b.latitude(),
				b.longitude());
		return (int) Math.round(metres * DETOUR * 3.6 / speedKmh);
	}
}

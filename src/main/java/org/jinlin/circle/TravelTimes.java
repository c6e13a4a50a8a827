package org.jinlin.circle;

import java.util.List;

/**
 * Travel times between points over the walking network the circle builds (for other modules: meal delivery routes).
 * The network's streets are the same on foot and by bicycle; only the speed differs.
 */
public interface TravelTimes {

	/** Cycling speed of a courier (km/h). */
	double CYCLING_KMH = 12.0;

	/** A point (WGS-84). */
	record Point(double latitude, double longitude) {
	}

	/**
	 * Seconds from each point to each other ({@code [from][to]}, 0 on the diagonal) at {@code speedKmh} along the
	 * network's streets; a pair the network does not join (a point further than the snap distance from any street,
	 * or beyond three hours) by the straight line times 1.4 at the same speed.
	 */
	int[][] matrix(List<Point> points, double speedKmh);
}

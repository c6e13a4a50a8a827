package org.jinlin.circle.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;
import lombok.RequiredArgsConstructor;

/**
 * The coverage's weighting for GraphHopper's own algorithms (shortest-path trees in the correctness test and
 * the benchmark's per-origin baseline, the subnetwork preparation and snap filter of {@link LoadedNetwork}): walking at
 * a fixed speed where foot access allows, no turn costs.
 * Weight is seconds, and exactly {@link WalkGraph#millis(double, double)} / 1000, so GraphHopper and the
 * coverage searches add up the very same edge times.
 */
@RequiredArgsConstructor
public final class WalkWeighting implements Weighting {

	private final BooleanEncodedValue footAccess;

	private final double speedKmh;

	@Override
	public double calcMinWeightPerDistance() {
		return 3.6 / speedKmh;
	}

	@Override
	public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
		boolean allowed = reverse ? edge.getReverse(footAccess) : edge.get(footAccess);
		if (!allowed) {
			return Double.POSITIVE_INFINITY;
		}
		return WalkGraph.millis(edge.getDistance(), speedKmh) / 1000.0;
	}

	@Override
	public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
		return WalkGraph.millis(edge.getDistance(), speedKmh);
	}

	@Override
	public double calcTurnWeight(int inEdge, int viaNode, int outEdge) {
		return 0;
	}

	@Override
	public long calcTurnMillis(int inEdge, int viaNode, int outEdge) {
		return 0;
	}

	@Override
	public boolean hasTurnCosts() {
		return false;
	}

	@Override
	public String getName() {
		return "walk";
	}
}

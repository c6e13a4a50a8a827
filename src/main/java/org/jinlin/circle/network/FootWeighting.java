package org.jinlin.circle.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;

/**
 * GraphHopper's view of a walk: an edge costs its length in the directions its foot access allows and is closed
 * in the others. Only for GraphHopper's own machinery on our graphs (the subnetwork preparation and the snap filter
 * of {@link LoadedNetwork}); the walking times come from {@link WalkGraph}.
 */
final class FootWeighting implements Weighting {

	private final BooleanEncodedValue footAccess;

	FootWeighting(BooleanEncodedValue footAccess) {
		this.footAccess = footAccess;
	}

	@Override
	public double calcMinWeightPerDistance() {
		return 1;
	}

	@Override
	public double calcEdgeWeight(EdgeIteratorState edge, boolean reverse) {
		boolean open = reverse ? edge.getReverse(footAccess) : edge.get(footAccess);
		return open ? edge.getDistance() : Double.POSITIVE_INFINITY;
	}

	@Override
	public long calcEdgeMillis(EdgeIteratorState edge, boolean reverse) {
		return WalkGraph.millis(edge.getDistance(), 4.0);
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
		return "foot_access";
	}
}

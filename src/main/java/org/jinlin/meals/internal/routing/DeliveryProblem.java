package org.jinlin.meals.internal.routing;

import java.util.List;

/**
 * A day's delivery to plan: the travel facts, the stops (the i-th stop is index i+1 of the travel matrix) and the
 * couriers, each carrying at most {@code capacity} bags. Plain Java.
 */
public record DeliveryProblem(Travel travel, List<Stop> stops, int couriers, int capacity) {

	/** A door: its time window (seconds of the day) and the bags it takes. */
	public record Stop(int windowStart, int windowEnd, int bags) {
	}

	public DeliveryProblem {
		stops = List.copyOf(stops);
		if (travel.seconds().length != stops.size() + 1) {
			throw new IllegalArgumentException("The travel matrix needs the kitchen and every stop");
		}
	}
}

package org.jinlin.meals.internal.routing;

import java.util.List;

/**
 * A plan: per courier (in courier order) her stops in order, each the stop's position in the problem and the planned
 * arrival (seconds of the day). Plain Java.
 */
public record PlannedRoutes(List<List<PlannedStop>> routes) {

	public record PlannedStop(int stop, int arrival) {
	}

	public PlannedRoutes {
		routes = routes.stream().map(List::copyOf).toList();
	}

	/** Arrivals recomputed from the order alone: departure, rides, waits for a window, handovers. */
	public static PlannedRoutes timed(DeliveryProblem problem, List<List<Integer>> orders) {
		Travel t = problem.travel();
		return new PlannedRoutes(orders.stream().map(order -> {
			int time = t.departure();
			int at = 0;
			List<PlannedStop> stops = new java.util.ArrayList<>();
			for (int s : order) {
				int arrival = time + t.between(at, s + 1);
				stops.add(new PlannedStop(s, arrival));
				time = Math.max(arrival, problem.stops().get(s).windowStart()) + t.serviceSeconds();
				at = s + 1;
			}
			return stops;
		}).toList());
	}

	/** Riding time of all couriers, kitchen to kitchen. */
	public long travelSeconds(Travel travel) {
		long total = 0;
		for (List<PlannedStop> route : routes) {
			int at = 0;
			for (PlannedStop s : route) {
				total += travel.between(at, s.stop() + 1);
				at = s.stop() + 1;
			}
			if (at != 0) {
				total += travel.between(at, 0);
			}
		}
		return total;
	}
}

package org.jinlin.meals.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline a dispatcher would draw by hand: each courier in turn rides from where she is to the nearest stop still
 * waiting that she can still carry and reach in time and hot, until none is left for her. Stops no courier could take
 * go, nearest first, to the courier with the fewest bags (the plan is then not feasible). Plain Java.
 */
public final class NearestNeighbour {

	private NearestNeighbour() {
	}

	public static PlannedRoutes plan(DeliveryProblem problem) {
		Travel t = problem.travel();
		int n = problem.stops().size();
		boolean[] done = new boolean[n];
		int left = n;
		List<List<Integer>> orders = new ArrayList<>();
		for (int c = 0; c < problem.couriers(); c++) {
			List<Integer> order = new ArrayList<>();
			int at = 0;
			int time = t.departure();
			int bags = 0;
			while (left > 0) {
				int best = -1;
				for (int s = 0; s < n; s++) {
					if (done[s]) {
						continue;
					}
					DeliveryProblem.Stop stop = problem.stops().get(s);
					int arrival = time + t.between(at, s + 1);
					boolean fits = bags + stop.bags() <= problem.capacity() && arrival <= stop.windowEnd()
							&& Math.max(arrival, stop.windowStart()) - t.departure() <= t.hotFoodSeconds();
					if (fits && (best < 0 || t.between(at, s + 1) < t.between(at, best + 1))) {
						best = s;
					}
				}
				if (best < 0) {
					break;
				}
				DeliveryProblem.Stop stop = problem.stops().get(best);
				int arrival = time + t.between(at, best + 1);
				time = Math.max(arrival, stop.windowStart()) + t.serviceSeconds();
				bags += stop.bags();
				at = best + 1;
				done[best] = true;
				left--;
				order.add(best);
			}
			orders.add(order);
		}
		for (int s = 0; s < n && left > 0; s++) {
			if (!done[s]) {
				orders.stream().min(java.util.Comparator.comparingInt(List::size)).orElseThrow().add(s);
				done[s] = true;
				left--;
			}
		}
		return PlannedRoutes.timed(problem, orders);
	}
}

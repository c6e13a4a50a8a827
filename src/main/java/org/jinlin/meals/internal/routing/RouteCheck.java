package org.jinlin.meals.internal.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a plan against the problem independently of the solver's score: every stop on exactly one route, no more
 * routes than couriers, no courier over capacity, arrivals as the order implies, none after its window, none beyond
 * the hot-food limit. Plain Java.
 */
public final class RouteCheck {

	private RouteCheck() {
	}

	/** What is wrong with the plan, in words for a developer; empty when it keeps every hard rule. */
	public static List<String> violations(DeliveryProblem problem, PlannedRoutes plan) {
		List<String> problems = new ArrayList<>();
		if (plan.routes().size() > problem.couriers()) {
			problems.add("%d routes for %d couriers".formatted(plan.routes().size(), problem.couriers()));
		}
		int[] seen = new int[problem.stops().size()];
		Travel t = problem.travel();
		for (int r = 0; r < plan.routes().size(); r++) {
			List<PlannedRoutes.PlannedStop> route = plan.routes().get(r);
			int bags = 0;
			int time = t.departure();
			int at = 0;
			for (PlannedRoutes.PlannedStop s : route) {
				if (s.stop() < 0 || s.stop() >= seen.length) {
					problems.add("route %d: no stop %d".formatted(r, s.stop()));
					continue;
				}
				seen[s.stop()]++;
				DeliveryProblem.Stop stop = problem.stops().get(s.stop());
				bags += stop.bags();
				int arrival = time + t.between(at, s.stop() + 1);
				if (arrival != s.arrival()) {
					problems.add("route %d: stop %d arrives at %d, not %d".formatted(r, s.stop(), arrival, s.arrival()));
				}
				if (arrival > stop.windowEnd()) {
					problems.add("route %d: stop %d after its window by %d s".formatted(r, s.stop(), arrival - stop.windowEnd()));
				}
				int handover = Math.max(arrival, stop.windowStart());
				if (handover - t.departure() > t.hotFoodSeconds()) {
					problems.add("route %d: stop %d cold, %d s from the kitchen".formatted(r, s.stop(), handover - t.departure()));
				}
				time = handover + t.serviceSeconds();
				at = s.stop() + 1;
			}
			if (bags > problem.capacity()) {
				problems.add("route %d: %d bags for %d".formatted(r, bags, problem.capacity()));
			}
		}
		for (int i = 0; i < seen.length; i++) {
			if (seen[i] != 1) {
				problems.add("stop %d on %d routes".formatted(i, seen[i]));
			}
		}
		return problems;
	}
}

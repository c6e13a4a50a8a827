package org.jinlin.meals.internal.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Plans a day's delivery with Timefold Solver (a planning list variable per courier): built from a {@link SolverConfig}
 * here, not by a Spring starter, so it runs the same in tests, the application and the benchmark. The local search
 * starts from the {@link NearestNeighbour} plan (a warm start: the solver's construction heuristic places stops first
 * fit, which on 300 doors a loaded machine does not repair within half a minute). Stops until the time
 * limit, or earlier when the best plan has not improved for a fifth of it. Plain Java.
 */
public final class RouteSolver {

	private RouteSolver() {
	}

	public static PlannedRoutes solve(DeliveryProblem problem, Duration limit) {
		return solve(problem, limit, null);
	}

	/**
	 * The same, stopping after {@code steps} local-search steps at the latest (with the time limit as a safety):
	 * the same plan on a busy machine as on an idle one (the solver's random seed is fixed).
	 */
	public static PlannedRoutes solve(DeliveryProblem problem, Duration limit, Integer steps) {
		if (problem.stops().isEmpty()) {
			return new PlannedRoutes(List.of());
		}
		Travel t = problem.travel();
		List<Visit> visits = new ArrayList<>();
		for (int i = 0; i < problem.stops().size(); i++) {
			DeliveryProblem.Stop s = problem.stops().get(i);
			visits.add(new Visit(i + 1, s.windowStart(), s.windowEnd(), s.bags(), t));
		}
		List<Courier> couriers = new ArrayList<>();
		// the search starts from the nearest-neighbour plan (every stop placed), so it only ever improves on it
		List<List<PlannedRoutes.PlannedStop>> start = NearestNeighbour.plan(problem).routes();
		for (int c = 0; c < problem.couriers(); c++) {
			Courier courier = new Courier(c, problem.capacity(), t);
			List<Visit> mine = new ArrayList<>();
			for (PlannedRoutes.PlannedStop s : start.get(c)) {
				mine.add(visits.get(s.stop()));
			}
			courier.setVisits(mine);
			couriers.add(courier);
		}
		long millis = Math.max(200, limit.toMillis());
		SolverConfig config = new SolverConfig().withSolutionClass(RoutePlan.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withEntityClasses(Courier.class, Visit.class)
			.withConstraintProviderClass(DeliveryConstraints.class)
			.withTerminationConfig(steps != null
					? new TerminationConfig().withSpentLimit(Duration.ofMillis(millis)).withStepCountLimit(steps)
					: new TerminationConfig().withSpentLimit(Duration.ofMillis(millis))
						.withUnimprovedSpentLimit(Duration.ofMillis(Math.max(100, millis / 5))));
		Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config).buildSolver();
		RoutePlan best = solver.solve(new RoutePlan(couriers, visits));
		List<List<Integer>> orders = best.getCouriers()
			.stream()
			.map(c -> c.getVisits().stream().map(v -> v.getIndex() - 1).toList())
			.toList();
		return PlannedRoutes.timed(problem, orders);
	}
}

package org.jinlin.meals.internal.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The solver, the checker and the nearest-neighbour baseline on made-up streets (no Spring). */
class RouteSolverTests {

	static final int ELEVEN = 11 * 3600;

	/** Stops scattered on a 2 km square around the kitchen, Manhattan distance at 12 km/h (3.33 m/s). */
	static DeliveryProblem problem(int stops, int couriers, int capacity, long seed) {
		Random random = new Random(seed);
		double[][] xy = new double[stops + 1][2];
		for (int i = 1; i <= stops; i++) {
			xy[i][0] = random.nextDouble() * 2000 - 1000;
			xy[i][1] = random.nextDouble() * 2000 - 1000;
		}
		int[][] seconds = new int[stops + 1][stops + 1];
		for (int i = 0; i <= stops; i++) {
			for (int j = 0; j <= stops; j++) {
				seconds[i][j] = (int) Math.round((Math.abs(xy[i][0] - xy[j][0]) + Math.abs(xy[i][1] - xy[j][1])) / 3.33);
			}
		}
		List<DeliveryProblem.Stop> list = new ArrayList<>();
		for (int i = 0; i < stops; i++) {
			list.add(new DeliveryProblem.Stop(ELEVEN, ELEVEN + 90 * 60, 1));
		}
		return new DeliveryProblem(new Travel(seconds, ELEVEN - 10 * 60, 45 * 60, 60), list, couriers, capacity);
	}

	@Test
	void theSolverPlansEveryStopWithinCapacityWindowAndHotFoodAndRidesLessThanTheBaseline() {
		DeliveryProblem problem = problem(40, 4, 12, 7);
		PlannedRoutes plan = RouteSolver.solve(problem, Duration.ofSeconds(120), 10_000);
		assertThat(RouteCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.routes().stream().mapToInt(List::size).sum()).isEqualTo(40);
		PlannedRoutes baseline = NearestNeighbour.plan(problem);
		assertThat(RouteCheck.violations(problem, baseline)).isEmpty();
		assertThat(plan.travelSeconds(problem.travel())).isLessThan(baseline.travelSeconds(problem.travel()));
	}

	@Test
	void theCheckerFindsAMissingStopOverCapacityALateAndAColdMeal() {
		DeliveryProblem problem = problem(3, 1, 2, 1);
		PlannedRoutes overloaded = PlannedRoutes.timed(problem, List.of(List.of(0, 1, 2)));
		assertThat(RouteCheck.violations(problem, overloaded)).anyMatch(s -> s.contains("3 bags for 2"));
		PlannedRoutes missing = PlannedRoutes.timed(problem, List.of(List.of(0, 1)));
		assertThat(RouteCheck.violations(problem, missing)).containsExactly("stop 2 on 0 routes");
		PlannedRoutes twice = PlannedRoutes.timed(new DeliveryProblem(problem.travel(), problem.stops(), 2, 3),
				List.of(List.of(0, 1, 2), List.of(2)));
		assertThat(RouteCheck.violations(new DeliveryProblem(problem.travel(), problem.stops(), 2, 3), twice))
			.containsExactly("stop 2 on 2 routes");

		int[][] far = { { 0, 3000, 100 }, { 3000, 0, 100 }, { 100, 100, 0 } };
		List<DeliveryProblem.Stop> stops = List.of(new DeliveryProblem.Stop(ELEVEN, ELEVEN + 3600, 1),
				new DeliveryProblem.Stop(ELEVEN, ELEVEN + 600, 1));
		DeliveryProblem slow = new DeliveryProblem(new Travel(far, ELEVEN, 45 * 60, 60), stops, 1, 5);
		List<String> violations = RouteCheck.violations(slow, PlannedRoutes.timed(slow, List.of(List.of(0, 1))));
		assertThat(violations).anyMatch(s -> s.contains("stop 0 cold"));
		assertThat(violations).anyMatch(s -> s.contains("stop 1 after its window"));
		assertThat(RouteCheck.violations(slow, PlannedRoutes.timed(slow, List.of(List.of(1, 0))))).isEmpty();
	}

	@Test
	void theCheckerRejectsArrivalsTheOrderDoesNotGive() {
		DeliveryProblem problem = problem(2, 1, 5, 3);
		PlannedRoutes timed = PlannedRoutes.timed(problem, List.of(List.of(0, 1)));
		PlannedRoutes.PlannedStop first = timed.routes().get(0).get(0);
		PlannedRoutes forged = new PlannedRoutes(
				List.of(List.of(new PlannedRoutes.PlannedStop(0, first.arrival() - 60), timed.routes().get(0).get(1))));
		assertThat(RouteCheck.violations(problem, timed)).isEmpty();
		assertThat(RouteCheck.violations(problem, forged)).singleElement().asString().contains("stop 0 arrives");
	}

	@Test
	void theBaselineTakesTheNearestStopFirst() {
		int[][] seconds = { { 0, 300, 100 }, { 300, 0, 200 }, { 100, 200, 0 } };
		List<DeliveryProblem.Stop> stops = List.of(new DeliveryProblem.Stop(0, 86_000, 1), new DeliveryProblem.Stop(0, 86_000, 1));
		DeliveryProblem problem = new DeliveryProblem(new Travel(seconds, 0, 3600, 0), stops, 1, 5);
		assertThat(NearestNeighbour.plan(problem).routes().get(0)).extracting(PlannedRoutes.PlannedStop::stop).containsExactly(1, 0);
		assertThat(NearestNeighbour.plan(problem).travelSeconds(problem.travel())).isEqualTo(100 + 200 + 300);
	}
}

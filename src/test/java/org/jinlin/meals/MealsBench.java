package org.jinlin.meals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jinlin.JinlinApplication;
import org.jinlin.circle.TravelTimes;
import org.jinlin.meals.internal.DeliveryPlanning;
import org.jinlin.meals.internal.DeliveryStop;
import org.jinlin.meals.internal.routing.DeliveryProblem;
import org.jinlin.meals.internal.routing.NearestNeighbour;
import org.jinlin.meals.internal.routing.PlannedRoutes;
import org.jinlin.meals.internal.routing.RouteCheck;
import org.jinlin.meals.internal.routing.RouteSolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Part (a) of bench/meals/run.sh, then the application for part (b): starts Jinlin on the demo city (arguments as for
 * the application), takes the {@code DELIVERIES} buildings nearest to canteen1's canteen (the kitchen), plans them for
 * {@code COURIERS} couriers (capacity: an even share plus a fifth) with Timefold for up to {@code SOLVE_SECONDS}, and
 * with the nearest-neighbour baseline, checks both with {@link RouteCheck} and prints one line starting
 * {@code ROUTING}. The application keeps serving until the script stops it.
 */
public final class MealsBench {

	private MealsBench() {
	}

	record Door(double latitude, double longitude) {
	}

	public static void main(String[] args) {
		int deliveries = Integer.parseInt(System.getenv().getOrDefault("DELIVERIES", "300"));
		int couriers = Integer.parseInt(System.getenv().getOrDefault("COURIERS", "15"));
		int solveSeconds = Integer.parseInt(System.getenv().getOrDefault("SOLVE_SECONDS", "30"));
		int capacity = (int) Math.ceil(deliveries * 1.2 / couriers);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(JinlinApplication.class).run(args);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		DeliveryPlanning planning = app.getBean(DeliveryPlanning.class);
		TravelTimes.Point kitchen = jdbc.sql("""
				SELECT f.latitude, f.longitude FROM care_facility f JOIN meal_place p ON p.facility_id = f.id
				JOIN meal_place_operator o ON o.place_id = p.id WHERE o.username = 'canteen1'""")
			.query((rs, i) -> new TravelTimes.Point(rs.getDouble(1), rs.getDouble(2)))
			.single();
		List<TravelTimes.Point> doors = new ArrayList<>(jdbc
			.sql("SELECT latitude, longitude FROM territory_node WHERE level = 'BUILDING' AND latitude IS NOT NULL")
			.query((rs, i) -> new TravelTimes.Point(rs.getDouble(1), rs.getDouble(2)))
			.list());
		doors.sort(Comparator.comparingDouble(p -> Math.hypot(p.latitude() - kitchen.latitude(),
				(p.longitude() - kitchen.longitude()) * Math.cos(Math.toRadians(kitchen.latitude())))));
		DeliveryStop.Window window = new DeliveryStop.Window(planning.settings().windowStart(), planning.settings().windowEnd());
		List<DeliveryStop> stops = new ArrayList<>();
		for (int i = 0; i < deliveries; i++) {
			stops.add(new DeliveryStop(i, doors.get(i % doors.size()), window, ""));
		}
		long t0 = System.nanoTime();
		DeliveryProblem problem = planning.problem(kitchen, stops, couriers, capacity);
		long matrixMs = (System.nanoTime() - t0) / 1_000_000;
		long t1 = System.nanoTime();
		PlannedRoutes plan = RouteSolver.solve(problem, Duration.ofSeconds(solveSeconds));
		long solveMs = (System.nanoTime() - t1) / 1_000_000;
		PlannedRoutes baseline = NearestNeighbour.plan(problem);
		List<String> violations = RouteCheck.violations(problem, plan);
		List<String> baselineViolations = RouteCheck.violations(problem, baseline);
		long travel = plan.travelSeconds(problem.travel());
		long nnTravel = baseline.travelSeconds(problem.travel());
		double furthest = 0;
		for (int j = 1; j <= deliveries; j++) {
			furthest = Math.max(furthest, problem.travel().between(0, j));
		}
		System.out.printf("routing: %d doors (%d distinct buildings), capacity %d bags, window %s-%s, departure %s, hot food %d min, "
				+ "handover %d s; matrix %d ms (furthest door %.1f min by bicycle)%n", deliveries, Math.min(deliveries, doors.size()),
				capacity, window.from(), window.to(), planning.settings().departure(), planning.settings().hotFoodMinutes(),
				planning.settings().handoverSeconds(), matrixMs, furthest / 60);
		System.out.printf("routing: solver %d routes, travel %d s, hard violations %d %s; nearest neighbour travel %d s, "
				+ "hard violations %d %s%n", plan.routes().stream().filter(r -> !r.isEmpty()).count(), travel, violations.size(),
				violations.stream().limit(3).toList(), nnTravel, baselineViolations.size(),
				baselineViolations.stream().limit(3).toList());
		System.out.printf("ROUTING deliveries=%d couriers=%d solve_ms=%d travel_ratio=%.3f feasible=%s%n", deliveries, couriers,
				solveMs, (double) travel / nnTravel, violations.isEmpty());
		System.out.flush();
	}
}

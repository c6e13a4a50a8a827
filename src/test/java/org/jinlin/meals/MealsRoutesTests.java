package org.jinlin.meals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.meals.internal.DeliveryPlanning;
import org.jinlin.meals.internal.DeliveryStop;
import org.jinlin.meals.internal.routing.DeliveryProblem;
import org.jinlin.meals.internal.routing.NearestNeighbour;
import org.jinlin.meals.internal.routing.PlannedRoutes;
import org.jinlin.meals.internal.routing.RouteCheck;
import org.jinlin.meals.internal.routing.RouteSolver;
import org.jinlin.circle.TravelTimes;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.http.MediaType;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery routes on the demo city: canteen1 plans her canteen's home deliveries of a day; the stored routes are read
 * back from the tables and checked on their own (every delivery once, bags, windows, the hot-food limit), not by the
 * solver's score. Another street's canteen is not hers (404).
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MealsRoutesTests {

	@Autowired
	ApplicationEvents events;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryPlanning planning;

	@Autowired
	TravelTimes travelTimes;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	org.springframework.test.web.servlet.request.RequestPostProcessor page(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername(username));
	}

	long canteen() {
		return jdbc.sql("SELECT place_id FROM meal_place_operator WHERE username = 'canteen1'").query(Long.class).single();
	}

	record StoredStop(long routeId, int seq, long dinerId, LocalTime arrival, LocalTime from, LocalTime to, LocalTime departure) {
	}

	@Test
	void canteen1PlansHerHomeDeliveriesAndTheStoredRoutesKeepEveryHardRule() throws Exception {
		long place = canteen();
		LocalDate day = LocalDate.now(ZONE).plusDays(2);
		mvc.perform(post("/api/v1/meals/places/{p}/routes?day={d}", place, day).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].stops", hasSize(greaterThan(0))))
			.andExpect(jsonPath("$[0].stops[0].name").isString());

		List<Long> homeDiners = jdbc.sql("SELECT id FROM meal_diner WHERE place_id = ? AND home_delivery = TRUE ORDER BY id")
			.param(place)
			.query(Long.class)
			.list();
		assertThat(homeDiners).hasSizeGreaterThan(3);
		List<StoredStop> stops = jdbc.sql("""
				SELECT s.route_id, s.seq, s.diner_id, s.planned_arrival, s.window_start, s.window_end, r.departure
				FROM meal_route_stop s JOIN meal_route r ON r.id = s.route_id
				WHERE r.place_id = ? AND r.served_on = ? ORDER BY r.courier_no, s.seq""")
			.params(place, day)
			.query((rs, i) -> new StoredStop(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getObject(4, LocalTime.class),
					rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class), rs.getObject(7, LocalTime.class)))
			.list();
		// every home delivery on exactly one route
		assertThat(stops).extracting(StoredStop::dinerId).containsExactlyInAnyOrderElementsOf(homeDiners);
		// no more routes than couriers, none over its bags
		var settings = planning.settings();
		assertThat(stops.stream().map(StoredStop::routeId).distinct().count()).isLessThanOrEqualTo(settings.couriers());
		stops.stream()
			.collect(java.util.stream.Collectors.groupingBy(StoredStop::routeId, java.util.stream.Collectors.counting()))
			.values()
			.forEach(n -> assertThat(n).isLessThanOrEqualTo(settings.bagsPerCourier()));
		for (StoredStop s : stops) {
			assertThat(s.arrival()).as("arrival at stop %d of route %d", s.seq(), s.routeId()).isBeforeOrEqualTo(s.to());
			LocalTime handover = s.arrival().isBefore(s.from()) ? s.from() : s.arrival();
			assertThat(Duration.between(s.departure(), handover)).isLessThanOrEqualTo(Duration.ofMinutes(settings.hotFoodMinutes()));
			assertThat(s.arrival()).isAfter(s.departure());
		}
		// arrivals grow along each route
		for (int i = 1; i < stops.size(); i++) {
			if (stops.get(i).routeId() == stops.get(i - 1).routeId()) {
				assertThat(stops.get(i).arrival()).isAfter(stops.get(i - 1).arrival());
			}
		}

		long route = stops.get(0).routeId();
		mvc.perform(get("/api/v1/meals/routes/{r}", route).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stops[0].seq").value(1));
		mvc.perform(get("/api/v1/meals/places/{p}/routes?day={d}", place, day).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(route));
	}

	@Test
	void onTheDemoCitysStreetsTightCapacityStillGivesAPlanThatKeepsEveryHardRuleAndBeatsTheBaseline() {
		List<TravelTimes.Point> doors = jdbc.sql("""
				SELECT b.latitude, b.longitude FROM territory_node b JOIN territory_node c ON b.path LIKE c.path || '%'
				WHERE c.code = '350102004001' AND b.level = 'BUILDING' AND b.latitude IS NOT NULL ORDER BY b.id""")
			.query((rs, i) -> new TravelTimes.Point(rs.getDouble(1), rs.getDouble(2)))
			.list();
		assertThat(doors).hasSizeGreaterThan(10);
		List<DeliveryStop> stops = new ArrayList<>();
		DeliveryStop.Window window = new DeliveryStop.Window(LocalTime.of(11, 0), LocalTime.of(12, 0));
		for (int i = 0; i < 24; i++) {
			stops.add(new DeliveryStop(i, doors.get(i % doors.size()), window, ""));
		}
		DeliveryProblem problem = planning.problem(doors.get(0), stops, 4, 6);
		PlannedRoutes plan = RouteSolver.solve(problem, Duration.ofSeconds(120), 2_000);
		assertThat(RouteCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.routes()).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(6));
		assertThat(plan.travelSeconds(problem.travel()))
			.isLessThanOrEqualTo(NearestNeighbour.plan(problem).travelSeconds(problem.travel()));
	}

	@Test
	void noOneSeesOrPlansTheRoutesOfAPlaceOutsideTheirReach() throws Exception {
		long other = jdbc.sql("""
				SELECT MIN(id) FROM meal_place WHERE kind = 'ELDER_CANTEEN'
				AND id NOT IN (SELECT place_id FROM meal_place_operator WHERE username = 'canteen1')""")
			.query(Long.class)
			.single();
		LocalDate day = LocalDate.now(ZONE).plusDays(3);
		mvc.perform(post("/api/v1/meals/places/{p}/routes?day={d}", other, day).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/meals/places/{p}/routes?day={d}", other, day).with(DemoAccounts.as("dongjie")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/meals/places/{p}/routes?day={d}", canteen(), day).with(DemoAccounts.as("resident1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/meals/places/{p}/routes?day=tomorrow", canteen()).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theDemoCityHasTomorrowsRoutesForTheCanteen() {
		long routes = jdbc.sql("SELECT COUNT(*) FROM meal_route WHERE place_id = ? AND served_on = ?")
			.params(canteen(), LocalDate.now(ZONE).plusDays(1))
			.query(Long.class)
			.single();
		assertThat(routes).isPositive();
	}

	record DoorOf(long routeId, int seq, long residentId, boolean alone) {
	}

	long mealAlarms(long residentId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM alarm a JOIN elder e ON e.id = a.elder_id
				WHERE e.resident_id = ? AND a.channel = 'MEAL_DELIVERY'""").param(residentId).query(Long.class).single();
	}

	org.springframework.test.web.servlet.ResultActions mark(long route, int seq, String outcome) throws Exception {
		return mvc.perform(post("/api/v1/meals/routes/{r}/stops/{s}", route, seq).with(DemoAccounts.as("canteen1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\": " + (outcome == null ? "null" : "\"" + outcome + "\"") + "}"));
	}

	@Test
	void nobodyHomeAtAnElderLivingAloneRaisesAWelfareCheckAndAtOneWhoDoesNotLiveAloneNone() throws Exception {
		long place = canteen();
		LocalDate day = LocalDate.now(ZONE).plusDays(4);
		mvc.perform(post("/api/v1/meals/places/{p}/routes?day={d}", place, day).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isCreated());
		List<DoorOf> doors = jdbc.sql("""
				SELECT s.route_id, s.seq, d.resident_id, p.tags LIKE '%LIVING_ALONE%'
				FROM meal_route_stop s JOIN meal_route r ON r.id = s.route_id JOIN meal_diner d ON d.id = s.diner_id
				JOIN resident p ON p.id = d.resident_id
				WHERE r.place_id = ? AND r.served_on = ? ORDER BY r.courier_no, s.seq""")
			.params(place, day)
			.query((rs, i) -> new DoorOf(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getBoolean(4)))
			.list();
		DoorOf alone = doors.stream().filter(DoorOf::alone).findFirst().orElseThrow();
		DoorOf notAlone = doors.stream().filter(d -> !d.alone()).findFirst().orElseThrow();
		long before = mealAlarms(alone.residentId());
		long beforeOther = mealAlarms(notAlone.residentId());

		mark(notAlone.routeId(), notAlone.seq(), "NOBODY_HOME").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("NOBODY_HOME"));
		mark(alone.routeId(), alone.seq(), "NOBODY_HOME").andExpect(status().isOk());

		assertThat(events.stream(WelfareCheckNeeded.class)).singleElement()
			.satisfies(e -> assertThat(e.residentId()).isEqualTo(alone.residentId()));
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mealAlarms(alone.residentId()) == before + 1);
		assertThat(mealAlarms(notAlone.residentId())).isEqualTo(beforeOther);

		// once per stop; an unknown outcome is a field error; the day can no longer be re-planned
		mark(alone.routeId(), alone.seq(), "DELIVERED").andExpect(status().isConflict());
		DoorOf other = doors.stream().filter(d -> d != alone && d != notAlone).findFirst().orElseThrow();
		mark(other.routeId(), other.seq(), "LOST").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"));
		mark(other.routeId(), other.seq(), "DELIVERED").andExpect(status().isOk());
		mvc.perform(post("/api/v1/meals/places/{p}/routes?day={d}", place, day).with(DemoAccounts.as("canteen1")))
			.andExpect(status().isConflict());
	}

	@Test
	void theCourierSeesHerRouteOnAPhonePageAndAsAPdfSheet() throws Exception {
		long route = jdbc.sql("SELECT MIN(id) FROM meal_route WHERE place_id = ? AND served_on = ?")
			.params(canteen(), LocalDate.now(ZONE).plusDays(1))
			.query(Long.class)
			.single();
		String page = mvc.perform(get("/meals/routes/{r}", route).with(page("canteen1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"route-stops\"").contains("NOBODY_HOME").contains("/meals/routes/" + route + "/pdf");
		byte[] pdf = mvc.perform(get("/meals/routes/{r}/pdf", route).with(page("canteen1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		mvc.perform(get("/meals/routes/{r}", route).with(page("resident1"))).andExpect(status().isForbidden());
	}
}

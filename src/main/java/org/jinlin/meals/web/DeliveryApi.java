package org.jinlin.meals.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.DeliveryPlanning;
import org.jinlin.meals.internal.RouteQueries;
import org.jinlin.meals.internal.RouteView;
import org.jinlin.meals.internal.StopMarking;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of meal delivery: plan a place's routes of a day, read them, read one courier's route. */
@RestController
@RequestMapping("/api/v1/meals")
@Tag(name = "Meals", description = "Meal assistance: diners and counter sales with live subsidies")
@RequiredArgsConstructor
class DeliveryApi {

	private final DeliveryPlanning planning;

	private final RouteQueries routes;

	private final StopMarking marking;

	/** What the courier marks at a door. */
	record Mark(String outcome) {
	}

	@PostMapping("/places/{placeId}/routes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a place's home-delivery routes of a day",
			description = "The place's diners with home delivery, one lunch each, shared among the couriers (bag capacity, "
					+ "the lunch window, at most jinlin.meals.delivery.hot-food-minutes from the kitchen to the door) with "
					+ "the least riding time, over cycling times on the walking network. Replaces the day's earlier plan; "
					+ "409 once a courier has marked a stop. Staff of the place's jurisdiction or its operator.")
	List<RouteView> plan(@PathVariable long placeId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return planning.plan(placeId, day);
	}

	@GetMapping("/places/{placeId}/routes")
	@Operation(summary = "A place's routes of a day, by courier, with the stops in order")
	List<RouteView> routes(@PathVariable long placeId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return routes.routes(placeId, day);
	}

	@GetMapping("/routes/{routeId}")
	@Operation(summary = "One courier's route: stops in order with address, planned arrival, window, diet codes and outcome")
	RouteView route(@PathVariable long routeId) {
		return routes.route(routeId);
	}

	@PostMapping("/routes/{routeId}/stops/{seq}")
	@Operation(summary = "The courier marks a stop: {outcome: DELIVERED | REFUSED | NOBODY_HOME}",
			description = "Once per stop (409 after). Nobody home at an elder living alone publishes WelfareCheckNeeded: the "
					+ "alarm desk raises a welfare-check alarm. 400 with a field error for any other outcome.")
	RouteView.StopView mark(@PathVariable long routeId, @PathVariable int seq, @RequestBody Mark mark) {
		return marking.mark(routeId, seq, mark == null ? null : mark.outcome());
	}
}

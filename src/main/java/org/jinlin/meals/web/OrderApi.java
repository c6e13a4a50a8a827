package org.jinlin.meals.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.MealMenus;
import org.jinlin.meals.internal.MealOrders;
import org.jinlin.meals.internal.MenuItemInput;
import org.jinlin.meals.internal.MenuWeek;
import org.jinlin.meals.internal.OrderForm;
import org.jinlin.meals.internal.OrderRow;
import org.jinlin.meals.internal.StandingOrderForm;
import org.jinlin.meals.internal.StandingOrders;
import org.jinlin.shared.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of menus and orders; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/meals")
@Tag(name = "Meals", description = "Meal assistance: weekly menus, orders and standing orders")
@RequiredArgsConstructor
class OrderApi {

	/** A week's menu as sent. */
	record MenuBody(List<MenuItemInput> items) {
	}

	private final MealMenus menus;

	private final MealOrders orders;

	private final StandingOrders standing;

	@GetMapping("/places/{id}/menus")
	@Operation(summary = "A place's menu for the week a day falls in (default this week), with its order cut-off")
	MenuWeek menu(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week) {
		return menus.week(id, week);
	}

	@PutMapping("/places/{id}/menus")
	@Operation(summary = "Replace a place's menu for the week a day falls in (its staff and operators)",
			description = """
					{items: [{day, meal (LUNCH|DINNER), name, setMeal, diets (the needs the dish meets: DIABETIC, LOW_SALT, \
					SOFT, MINCED), price}]}. 400 with field errors (nothing written).""")
	MenuWeek replaceMenu(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			@RequestBody MenuBody body) {
		return menus.replaceWeek(id, week, body.items());
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Order a dish for a coming day",
			description = """
					{dinerId (staff and operators; an elder orders for herself), day, meal, menuItemId}. An elder orders \
					until the place's cut-off (16:00 the day before by default); staff after it too, flagged late. Ordering \
					again the same meal replaces the dish. 400 with field errors; 409 when she is paused that day, past \
					the cut-off, or the dish cannot meet one of her diet needs (the message says which).""")
	OrderRow order(@RequestBody OrderForm form) {
		return orders.order(form);
	}

	@DeleteMapping("/orders/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancel an order (the elder until the cut-off; staff and operators until the day, flagged late)")
	void cancel(@PathVariable long id) {
		orders.cancel(id);
	}

	@GetMapping("/orders")
	@Operation(summary = "A place's orders of a day (its staff and operators; an operator's own place by default)")
	Paged<OrderRow> ofPlace(@RequestParam(required = false) Long place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return orders.ofPlace(place, date, page, size);
	}

	@GetMapping("/orders/mine")
	@Operation(summary = "My meals: the signed-in elder's orders from today on")
	List<OrderRow> mine() {
		return orders.mine();
	}

	@PostMapping("/standing-orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A standing order: the set meal on these weekdays",
			description = "{dinerId (staff), meal, weekdays (MONDAY…SUNDAY), from (default tomorrow), until}. Its orders "
					+ "for the coming week are written at once, then every hour.")
	Map<String, Long> standing(@RequestBody StandingOrderForm form) {
		return Map.of("id", standing.create(form));
	}

	@DeleteMapping("/standing-orders/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End a standing order today; its orders still open are cancelled")
	void endStanding(@PathVariable long id) {
		standing.end(id);
	}
}

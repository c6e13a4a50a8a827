package org.jinlin.meals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.CounterSales;
import org.jinlin.meals.internal.DinerQueries;
import org.jinlin.meals.internal.DinerRow;
import org.jinlin.meals.internal.SaleReceipt;
import org.jinlin.meals.internal.SaleRequest;
import org.jinlin.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of meal assistance: the diners and the counter; the rules live in the services. */
@RestController
@RequestMapping("/api/v1/meals")
@Tag(name = "Meals", description = "Meal assistance: diners and counter sales with live subsidies")
@RequiredArgsConstructor
class MealsApi {

	private final DinerQueries diners;

	private final CounterSales sales;

	@GetMapping("/diners")
	@Operation(summary = "The diners the caller may see",
			description = "Staff: the diners of their jurisdiction; a canteen operator: those of the places she operates. "
					+ "name is masked; category (SPECIAL_HARDSHIP, LOW_INCOME, DISABLED, LIVING_ALONE, ORDINARY) comes from "
					+ "the resident register; diets are codes (DIABETIC, LOW_SALT, SOFT, MINCED, ALLERGIES).")
	Paged<DinerRow> diners(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return diners.diners(page, size);
	}

	@PostMapping("/sales")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a counter sale at the caller's place (a CANTEEN key or the place's operator)",
			description = """
					{dinerId | cardNumber, items, idempotencyKey}. Without a diner: a walk-in, full price. Without items: the \
					place's standard set meal of the day. Answers {id, price, subsidy, paid} in yuan with two decimals; the \
					subsidy follows the rules in force for the diner's community and never exceeds the price nor what is \
					left of her monthly cap. The same idempotency key answers the same sale and never charges twice. \
					400 with field errors when invalid (nothing is written).""")
	SaleReceipt sell(@RequestBody SaleRequest request) {
		return sales.sell(request);
	}
}

package org.jinlin.meals.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.FoodSafety;
import org.jinlin.meals.internal.SafetyRepository;
import org.jinlin.meals.internal.SampleRules;
import org.jinlin.shared.Paged;
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

/** JSON API of food safety at the meal places: retained samples, their disposal, daily kitchen checks. */
@RestController
@RequestMapping("/api/v1/meals")
@Tag(name = "Meals", description = "Meal assistance: food safety")
@RequiredArgsConstructor
class SafetyApi {

	private final FoodSafety safety;

	@GetMapping("/samples")
	@Operation(summary = "Retained samples of the meals served from `from` to `to` (default: the last three days)",
			description = "Staff: the places of their jurisdiction; an operator: her places. Newest first, at most 500.")
	Paged<SafetyRepository.Sample> samples(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = LocalDate.now(org.jinlin.meals.web.OrderPages.ZONE);
		List<SafetyRepository.Sample> list = safety.samples(from == null ? today.minusDays(2) : from, to == null ? today : to);
		return new Paged<>(list, 0, Math.max(1, list.size()), list.size());
	}

	@PostMapping("/samples")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a retained sample at the caller's place (its operator)",
			description = "{servedOn, meal (LUNCH, DINNER), dish, weightGrams (at least 125), fridge}; the meal's day from two "
					+ "days ago to today. The photo is uploaded on the page. 400 with field errors when invalid.")
	SafetyRepository.Sample log(@RequestBody SampleRules.SampleInput input) {
		return safety.log(input, null);
	}

	@PostMapping("/samples/{id}/disposal")
	@Operation(summary = "Record the disposal of a sample (its place's operator)",
			description = "409 before the sample has been kept 48 hours, or when already disposed of.")
	SafetyRepository.Sample dispose(@PathVariable long id) {
		return safety.dispose(id);
	}

	@GetMapping("/checks")
	@Operation(summary = "The day's kitchen checks (fridge temperatures, staff health) at the places the caller may see")
	Paged<SafetyRepository.Check> checks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		List<SafetyRepository.Check> list = safety.checks(date);
		return new Paged<>(list, 0, Math.max(1, list.size()), list.size());
	}

	@PostMapping("/checks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a kitchen check at the caller's place (its operator)",
			description = "{kind: FRIDGE, fridge, temperature (°C, one decimal)} or {kind: STAFF_HEALTH, staffName, ok, note}.")
	SafetyRepository.Check check(@RequestBody FoodSafety.CheckForm form) {
		return safety.recordCheck(form);
	}
}

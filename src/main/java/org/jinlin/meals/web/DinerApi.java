package org.jinlin.meals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.DinerDetail;
import org.jinlin.meals.internal.DinerEnrolment;
import org.jinlin.meals.internal.DinerForm;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of enrolment: enrol a diner, change her enrolment, read it. */
@RestController
@RequestMapping("/api/v1/meals/diners")
@Tag(name = "Meals", description = "Meal assistance: enrolment of diners")
@RequiredArgsConstructor
class DinerApi {

	private final DinerEnrolment enrolment;

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enrol a diner",
			description = """
					Staff enrol an elder (60 or over) of their jurisdiction: {residentId, placeId?, diets?, allergies?, \
					homeDelivery?, pausedFrom?, resumeOn?}; a resident linked to the register enrols herself (residentId \
					ignored). The category comes from the register. diets: DIABETIC, LOW_SALT, SOFT, MINCED. Without placeId: \
					the first place that serves her community. 400 with field errors; 409 if she is enrolled already.""")
	DinerDetail enrol(@RequestBody DinerForm form) {
		return enrolment.enrol(form);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A diner (staff of her jurisdiction, her place's operators, herself); diets as codes")
	DinerDetail diner(@PathVariable long id) {
		return enrolment.detail(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an enrolment: diets, allergies, home delivery, pause and resume",
			description = """
					Replaces diets and the pause (absent: none); allergies (blank clears), homeDelivery and placeId are kept when absent. \
					A paused diner gets no subsidy and cannot order from pausedFrom up to the day before resumeOn. Staff of \
					her jurisdiction or herself; another jurisdiction's diner is 404.""")
	DinerDetail update(@PathVariable long id, @RequestBody DinerForm form) {
		return enrolment.update(id, form);
	}
}

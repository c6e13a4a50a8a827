package org.jinlin.meals.web;

import java.time.LocalDate;
import java.util.Set;

import org.jinlin.meals.DietNeed;
import org.jinlin.meals.internal.DinerDetail;
import org.jinlin.meals.internal.DinerForm;
import org.springframework.format.annotation.DateTimeFormat;

/** The enrolment form of the pages: an unticked box sends nothing, so no diets and no delivery are explicit here. */
record DinerPageForm(Long residentId, Long placeId, Set<DietNeed> diets, String allergies, Boolean homeDelivery,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pausedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resumeOn) {

	static DinerPageForm empty(Long residentId) {
		return new DinerPageForm(residentId, null, Set.of(), null, false, null, null);
	}

	/** The current enrolment (the allergies are not shown again: they are revealed apart). */
	static DinerPageForm of(DinerDetail d) {
		Set<DietNeed> diets = d.diets()
			.stream()
			.filter(c -> !c.equals(org.jinlin.meals.internal.Diets.ALLERGIES))
			.map(DietNeed::valueOf)
			.collect(java.util.stream.Collectors.toSet());
		return new DinerPageForm(d.residentId(), d.placeId(), diets, null, d.homeDelivery(), d.pausedFrom(), d.resumeOn());
	}

	DinerForm toForm() {
		return new DinerForm(residentId, placeId, diets == null ? Set.of() : diets, allergies, Boolean.TRUE.equals(homeDelivery),
				pausedFrom, resumeOn);
	}
}

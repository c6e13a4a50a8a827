package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.util.Set;

import org.jinlin.meals.DietNeed;

/**
 * An enrolment or its change: the resident (staff enrolling; ignored on a change and for a resident enrolling
 * herself), the place she eats at (none: the first that serves her community), her diet needs and allergies, home
 * delivery, and a pause ({@code pausedFrom} up to the day before {@code resumeOn}).
 */
public record DinerForm(Long residentId, Long placeId, Set<DietNeed> diets, String allergies, Boolean homeDelivery,
		LocalDate pausedFrom, LocalDate resumeOn) {
}

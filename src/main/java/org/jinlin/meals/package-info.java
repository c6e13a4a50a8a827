/**
 * Meal assistance (老年助餐): the meal network (central kitchens, elder canteens — the care-facility registry's canteen
 * records, referred to by id — and meal points, with the communities each serves and their operators), diners with
 * their eligibility read from the resident register and their encrypted diet needs, and counter sales with live
 * subsidies (rules per territory and period, tiers by age band and category, a monthly cap, several funding sources).
 * <p>
 * API (this package): the value types {@link org.jinlin.meals.AgeBand} and {@link org.jinlin.meals.DinerCategory}.
 * <p>
 * {@code internal}: the Spring-free {@code SubsidyRules}. {@code web}: nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meal assistance",
		allowedDependencies = { "carefacilities", "people", "territory", "shared" })
package org.jinlin.meals;

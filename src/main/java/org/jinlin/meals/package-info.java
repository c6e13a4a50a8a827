/**
 * Meal assistance (老年助餐): the meal network (central kitchens, elder canteens — the care-facility registry's canteen
 * records, referred to by id — and meal points, with the communities each serves and their operators), diners with
 * their eligibility read from the resident register and their encrypted diet needs, and counter sales with live
 * subsidies (rules per territory and period, tiers by age band and category, a monthly cap, several funding sources).
 * <p>
 * API (this package): {@link org.jinlin.meals.Meals} (unscoped queries for other modules),
 * {@link org.jinlin.meals.MealsBulkLoad} (loads a network, diners and rules at once: a seeded city), the value types
 * {@link org.jinlin.meals.PlaceKind}, {@link org.jinlin.meals.DietNeed}, {@link org.jinlin.meals.AgeBand} and
 * {@link org.jinlin.meals.DinerCategory}, and the event {@link org.jinlin.meals.MealSold}.
 * <p>
 * {@code internal}: the command service {@code CounterSales}, the scoped {@code DinerQueries}, the Spring-free
 * {@code SubsidyRules}, {@code SaleValidation}, {@code DinerEligibility} and {@code Diets}, the permission rules
 * {@code MealsAccess} and all SQL in {@code MealsRepository}. {@code web}: the API ({@code /api/v1/meals}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meal assistance",
		allowedDependencies = { "carefacilities", "circle", "people", "accounts", "territory", "shared" })
package org.jinlin.meals;

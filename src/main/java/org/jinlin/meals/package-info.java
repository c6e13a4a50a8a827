/**
 * Meal assistance (老年助餐): the meal network (central kitchens, elder canteens — the care-facility registry's canteen
 * records, referred to by id — and meal points, with the communities each serves and their operators), diners with
 * their eligibility read from the resident register and their encrypted diet needs, and counter sales with live
 * subsidies (rules per territory and period, tiers by age band and category, a monthly cap, several funding sources).
 * <p>
 * API (this package): {@link org.jinlin.meals.Meals} (unscoped queries for other modules),
 * {@link org.jinlin.meals.MealIndicators} (the meal figures of a jurisdiction and the records each counts, for the quality
 * cockpit) with {@link org.jinlin.meals.MealIndicator} and {@link org.jinlin.meals.MealFigure},
 * {@link org.jinlin.meals.MealsBulkLoad} (loads a network, diners and rules at once: a seeded city), the value types
 * {@link org.jinlin.meals.PlaceKind}, {@link org.jinlin.meals.DietNeed}, {@link org.jinlin.meals.AgeBand} and
 * {@link org.jinlin.meals.DinerCategory}, {@link org.jinlin.meals.MealTime}, and the events {@link org.jinlin.meals.MealSold}, {@link org.jinlin.meals.SamplesMissing}, {@link org.jinlin.meals.MonthSettled},
 * {@link org.jinlin.meals.DinerEnrolled}, {@link org.jinlin.meals.DinerCategoryChanged} (the six-monthly re-check) and
 * {@link org.jinlin.meals.DinerDietsViewed} (for the audit log). Delivery: the value type
 * {@link org.jinlin.meals.DeliveryOutcome} and the event {@link org.jinlin.meals.WelfareCheckNeeded} (nobody home at
 * an elder living alone; the alarm desk raises a welfare-check alarm).
 * <p>
 * {@code internal}: the command services {@code CounterSales}, {@code DinerEnrolment}, {@code MealMenus},
 * {@code MealOrders} and {@code StandingOrders} (with {@code MenuRepository} and {@code OrderRepository}), the scoped {@code DinerQueries}, the Spring-free
 * {@code SubsidyRules}, {@code SaleValidation}, {@code DinerEligibility} and {@code Diets}, the permission rules
 * {@code MealsAccess} and all SQL in {@code MealsRepository}. Figures: {@code MealFigures} (SQL in
 * {@code FiguresRepository}), place names from the registry in {@code PlaceNames}. Delivery: {@code DeliveryPlanning} plans a place's home
 * deliveries of a day with Timefold ({@code internal.routing}: the planning list model, the constraints, the Spring-free
 * {@code RouteCheck} and {@code NearestNeighbour} baseline) over the circle's {@link org.jinlin.circle.TravelTimes},
 * {@code StopMarking} records what happened at each door, {@code RouteQueries} reads routes, SQL in
 * {@code DeliveryRepository}, settings {@code jinlin.meals.delivery.*} in {@code DeliverySettings}. {@code web}: the API
 * ({@code /api/v1/meals}), the courier's phone page and PDF route sheet ({@code /meals/routes/{id}}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meal assistance",
		allowedDependencies = { "carefacilities", "circle", "people", "accounts", "territory", "shared" })
package org.jinlin.meals;

/**
 * The 15-minute convenience circle (一刻钟便民生活圈): the registry of daily-life facilities by category
 * ({@code facilities}, the {@code CircleFacility…} classes), the walking network built from OpenStreetMap or
 * generated around the buildings ({@code network}), city-wide coverage runs with gaps and suggestions
 * ({@code coverage}), and the pages, map and API ({@code web}).
 * <p>
 * Elderly-care facilities and elder canteens are read from {@link org.jinlin.carefacilities.CareFacilities},
 * never re-entered; changes there ({@code FacilityRegistered}, {@code FacilityUpdated}, {@code FacilityRemoved})
 * queue a new coverage run through an application-module listener.
 * <p>
 * API (this package): {@link org.jinlin.circle.CircleFacilityBulkLoad}, which loads many facilities at once (a
 * seeded city) and queues one coverage run, and {@link org.jinlin.circle.CircleSettings}, the module's settings
 * ({@code jinlin.circle.*}), and {@link org.jinlin.circle.CircleFigures}, the uncovered communities of an
 * account's jurisdiction (the officials' home page), and {@link org.jinlin.circle.TravelTimes}, a travel-time matrix
 * between points over the walking network at a given speed (meal delivery routes: cycling couriers). Depends on
 * territory, carefacilities and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "15-minute circle", allowedDependencies = { "territory",
		"carefacilities", "shared" })
package org.jinlin.circle;

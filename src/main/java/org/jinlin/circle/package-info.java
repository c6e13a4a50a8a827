/**
 * The 15-minute convenience circle (一刻钟便民生活圈): the registry of daily-life facilities by category
 * ({@code facilities}), the walking network built from OpenStreetMap or generated for the demo city
 * ({@code network}), city-wide coverage runs with gaps and suggestions ({@code coverage}), and the pages,
 * map and API ({@code web}).
 * <p>
 * Elderly-care facilities and elder canteens are read from {@link org.jinlin.carefacilities.CareFacilities},
 * never re-entered; changes there ({@code FacilityRegistered}, {@code FacilityUpdated}, {@code FacilityRemoved})
 * mark the coverage for a new run. Depends on territory, carefacilities and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "15-minute circle")
package org.jinlin.circle;

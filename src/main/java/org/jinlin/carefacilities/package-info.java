/**
 * The elderly-care facility network (养老服务设施): care institutions, day-care centres, home-care
 * service stations, rural happiness homes, elder canteens, demonstration points and rural regional
 * centres, with location, operator, services, beds (total, occupied, family care, inclusive) and the
 * communities and villages each serves; and the statistics of any jurisdiction
 * ({@code GET /api/v1/eldercare/statistics}).
 * <p>
 * The worked example of {@code docs/architecture.md}. API (this package):
 * <ul>
 * <li>{@link org.jinlin.carefacilities.CareFacilities}: unscoped queries for other modules, answering
 * {@link org.jinlin.carefacilities.CareFacility} with its {@link org.jinlin.carefacilities.FacilityKind},
 * {@link org.jinlin.carefacilities.FacilityStatus} and {@link org.jinlin.carefacilities.FacilityService}s;</li>
 * <li>{@link org.jinlin.carefacilities.CareFacilityBulkLoad}: loads a whole network at once (a seeded city);</li>
 * <li>{@link org.jinlin.carefacilities.FacilityIndicators}: the quality cockpit's figures (a
 * {@link org.jinlin.carefacilities.FacilityFigure} of a {@link org.jinlin.carefacilities.FacilityIndicator}: beds
 * per 1,000 elderly, station coverage) and the records they count, scoped to the caller;</li>
 * <li>events: {@link org.jinlin.carefacilities.FacilityRegistered}, {@link org.jinlin.carefacilities.FacilityUpdated},
 * {@link org.jinlin.carefacilities.FacilityBedsChanged} and {@link org.jinlin.carefacilities.FacilityRemoved}.</li>
 * </ul>
 * {@code internal}: the command service {@code CareFacilityRegistry}, the scoped queries
 * ({@code CareFacilityQueries}, {@code CareFacilityFigures}), the Spring-free {@code CareFacilityValidation},
 * the {@code CareFacilityRepository} with all the SQL, the permission rules {@code CareFacilityAccess} and the
 * spreadsheet import. {@code web}: the API, the pages, the import and export, the navigation.
 * Depends only on territory and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care facilities", allowedDependencies = { "territory",
		"shared" })
package org.jinlin.carefacilities;

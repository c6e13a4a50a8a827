/**
 * The elderly-care facility network (养老服务设施): care institutions, day-care centres, home-care
 * service stations, rural happiness homes, elder canteens, demonstration points and rural regional
 * centres, with location, operator, services, beds (total, occupied, family care, inclusive) and the
 * communities and villages each serves; and the statistics of any jurisdiction
 * ({@code GET /api/v1/eldercare/statistics}).
 * <p>
 * API: {@link org.jinlin.carefacilities.CareFacilities} (unscoped queries for other modules).
 * Publishes {@link org.jinlin.carefacilities.FacilityRegistered}, {@link org.jinlin.carefacilities.FacilityUpdated},
 * {@link org.jinlin.carefacilities.FacilityBedsChanged} and {@link org.jinlin.carefacilities.FacilityRemoved}.
 * Depends only on territory and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care facilities")
package org.jinlin.carefacilities;

/**
 * Neighbourhood spaces (近邻空间): each community's spaces and their zones (children, neighbours' bar, sport,
 * green, consultation room, rest room) with opening hours, capacity, equipment and booking rules as data; their
 * bookings (single or recurring, approval, cancellation, staff on someone's behalf), the waitlist, check-in and the
 * automatic release of bookings nobody checked in to.
 * <p>
 * API (this package):
 * <ul>
 * <li>{@link org.jinlin.spaces.Spaces}: unscoped queries for other modules (a community's {@link org.jinlin.spaces.Space}s
 * with their zones of a {@link org.jinlin.spaces.ZoneKind}, a {@link org.jinlin.spaces.BookingSummary} by id or
 * reference, with its {@link org.jinlin.spaces.BookingStatus}; a zone's free hours);</li>
 * <li>{@link org.jinlin.spaces.RoomRequest}: implemented by another module's event to have spaces book a zone as
 * one of its staff (the consultation module's room); answered by {@link org.jinlin.spaces.BookingMade} or
 * {@link org.jinlin.spaces.BookingRefused} with the request's reference;</li>
 * <li>{@link org.jinlin.spaces.SpaceBulkLoad}: loads a space, its zones and a booking history at once (a seeded city);</li>
 * <li>{@link org.jinlin.spaces.SpaceIndicators}: the utilisation figures ({@link org.jinlin.spaces.SpaceFigure} of a
 * {@link org.jinlin.spaces.SpaceIndicator}) of a place, per community and per space, with the bookings each counts;</li>
 * <li>events: {@link org.jinlin.spaces.BookingMade}, {@link org.jinlin.spaces.BookingDecided},
 * {@link org.jinlin.spaces.BookingCancelled}, {@link org.jinlin.spaces.BookingCheckedIn},
 * {@link org.jinlin.spaces.BookingReleased} and {@link org.jinlin.spaces.SlotOffered}.</li>
 * </ul>
 * {@code internal}: the Spring-free rules {@code SpaceRules}, {@code BookingRules} and {@code SpaceValidation}; the
 * command services {@code SpaceCatalogue}, {@code BookingDesk}, {@code BookingWaitlist}, {@code BookingCheckIn} and
 * {@code BookingRelease} (run by the persistent timer of {@code SpacesTimers}); the queries
 * {@code SpaceQueries}, {@code BookingQueries}; the repositories {@code SpaceRepository} and {@code BookingRepository}
 * with all the SQL; the permission rules {@code SpaceAccess}. {@code web}: the API and pages (the figures' page with its chart). Depends on territory, accounts
 * (looking up the account a booking is made for) and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spaces", allowedDependencies = { "territory",
		"accounts", "shared" })
package org.jinlin.spaces;

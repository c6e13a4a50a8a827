/**
 * Neighbourhood spaces (近邻空间): each community's spaces and their zones (children, neighbours' bar, sport,
 * green, consultation room, rest room) with opening hours, capacity, equipment and booking rules as data; and
 * their bookings.
 * <p>
 * {@code internal}: the Spring-free booking rules {@code SpaceRules} and {@code BookingRules}.
 * Depends only on territory and shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spaces", allowedDependencies = { "territory",
		"shared" })
package org.jinlin.spaces;

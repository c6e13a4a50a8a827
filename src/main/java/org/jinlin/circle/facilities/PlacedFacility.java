package org.jinlin.circle.facilities;

/**
 * A facility where the coverage needs it: its category and its WGS-84 location.
 *
 * @param key unique across sources: {@code circle:<id>} for the registry, {@code care:<id>} for a care facility
 * @param category a category code of the {@link CategoryCatalogue}
 */
public record PlacedFacility(String key, String category, String name, double latitude, double longitude) {
}

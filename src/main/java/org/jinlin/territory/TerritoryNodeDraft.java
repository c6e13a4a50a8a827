package org.jinlin.territory;

/**
 * A territory node to load in bulk with {@link TerritoryBulkLoad}: its parent is named by code and must come
 * earlier in the list (none for a city).
 */
public record TerritoryNodeDraft(TerritoryLevel level, String parentCode, boolean rural, String code, String name,
		Double latitude, Double longitude, Long population, Long elderlyPopulation) {
}

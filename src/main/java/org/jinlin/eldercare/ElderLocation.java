package org.jinlin.eldercare;

/**
 * Where an elder lives, for dispatching responders: the building's coordinates from the territory tree
 * (the nearest ancestor's when the building has none).
 */
public record ElderLocation(long elderId, long residentId, String name, long communityId, String territoryPath,
		Long buildingId, double latitude, double longitude) {
}

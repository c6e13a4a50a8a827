package org.jinlin.carefacilities;

/** A facility's details changed (it may have moved, changed kind or status). */
public record FacilityUpdated(long facilityId, FacilityKind kind, long territoryId, String territoryPath, Double latitude, Double longitude, FacilityStatus status, FacilityStatus previousStatus) {
}

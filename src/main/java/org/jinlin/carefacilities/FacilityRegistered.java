package org.jinlin.carefacilities;

/** A facility was registered (ids, kind, place; no personal data). */
public record FacilityRegistered(long facilityId, FacilityKind kind, long territoryId, String territoryPath, Double latitude, Double longitude, FacilityStatus status) {
}

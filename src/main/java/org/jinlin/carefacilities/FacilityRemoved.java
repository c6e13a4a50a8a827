package org.jinlin.carefacilities;

/** A facility record was deleted (registered by mistake; a facility that stops is CLOSED instead). */
public record FacilityRemoved(long facilityId, FacilityKind kind, String territoryPath) {
}

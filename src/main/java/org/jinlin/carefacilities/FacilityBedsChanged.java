package org.jinlin.carefacilities;

/** A facility's bed figures changed. */
public record FacilityBedsChanged(long facilityId, String territoryPath, int bedsTotal, int bedsOccupied, int familyCareBeds, int inclusiveBeds) {
}

package org.jinlin.carefacilities.internal;

import java.util.List;
import java.util.Set;

/**
 * What a writer sends to register or change a facility. Kind, status and services are codes, checked
 * field by field ({@code FacilityKind}, {@code FacilityStatus}, {@code FacilityService}); numbers are boxed
 * so a missing one is a field error, not a parse failure. {@code version} is required on update.
 *
 * @param territoryCode code of the node the facility sits in (district, street/town or community/village)
 * @param servedAreaCodes codes of the communities and villages it serves
 */
public record CareFacilityDraft(String name, String kind, String territoryCode, String address, Double latitude,
		Double longitude, String operator, Set<String> services, Integer bedsTotal, Integer bedsOccupied,
		Integer familyCareBeds, Integer inclusiveBeds, String status, List<String> servedAreaCodes, Integer version) {
}

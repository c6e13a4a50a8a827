package org.jinlin.circle.facilities;

import java.util.List;

/**
 * Every operating facility with a location, in WGS-84, for the coverage computation: the registry's own
 * and the elderly-care facilities and elder canteens of the care-facility network. (Contract; the registry
 * implements it.)
 */
public interface FacilityLocations {

	List<PlacedFacility> operating();
}

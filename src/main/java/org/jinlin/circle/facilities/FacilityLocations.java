package org.jinlin.circle.facilities;

import java.util.List;

/**
 * Every operating facility with a location, in WGS-84, for the coverage computation: the registry's own
 * and the elderly-care facilities and elder canteens of the care-facility network. (Contract; the registry
 * implements it.)
 */
public interface FacilityLocations {

	List<PlacedFacility> operating();

	/**
	 * The one facility with this key among {@link #operating()} (empty when it is not operating, not located or not
	 * counted), read alone; for the registry's keys ({@code circle:<id>}) only.
	 */
	java.util.Optional<PlacedFacility> operating(String key);
}

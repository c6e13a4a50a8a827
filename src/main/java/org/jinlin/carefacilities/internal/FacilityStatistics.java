package org.jinlin.carefacilities.internal;

import org.jinlin.carefacilities.FacilityKind;

/**
 * The facility figures of one territory node, counting OPERATING facilities whose node lies in its subtree.
 *
 * @param territory the node's code
 * @param beds total beds of all operating facilities (institutions and others)
 * @param elderlyPopulation the node's official elderly population (territory statistics), if known
 * @param bedsPerThousandElderly beds per 1,000 elderly, one decimal (half up); {@code null} without a population
 * @param communities community-level nodes (communities and villages) in the territory
 * @param communitiesServed of those, the ones served by at least one operating service station, day-care
 *        centre or rural happiness home
 * @param serviceCoverageRate communitiesServed / communities as a number from 0 to 1 (four decimals);
 *        {@code null} when the territory has no community-level node
 */
public record FacilityStatistics(String territory, String territoryName, long careInstitutions, long dayCareCentres,
		long serviceStations, long ruralHappinessHomes, long elderCanteens, long demonstrationPoints,
		long ruralRegionalCentres, long beds, long bedsOccupied, long familyCareBeds, long inclusiveBeds,
		Long elderlyPopulation, Double bedsPerThousandElderly, long communities, long communitiesServed,
		Double serviceCoverageRate) {

	/** Operating facilities of one kind. */
	public long count(FacilityKind kind) {
		return switch (kind) {
			case CARE_INSTITUTION -> careInstitutions;
			case DAY_CARE_CENTRE -> dayCareCentres;
			case SERVICE_STATION -> serviceStations;
			case RURAL_HAPPINESS_HOME -> ruralHappinessHomes;
			case ELDER_CANTEEN -> elderCanteens;
			case DEMONSTRATION_POINT -> demonstrationPoints;
			case RURAL_REGIONAL_CENTRE -> ruralRegionalCentres;
		};
	}

	/** The coverage rate in whole percent with one decimal, for pages. */
	public Double coveragePercent() {
		return serviceCoverageRate == null ? null : Math.round(serviceCoverageRate * 1000) / 10.0;
	}
}

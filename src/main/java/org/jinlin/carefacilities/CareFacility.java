package org.jinlin.carefacilities;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A care facility as other modules and the API see it.
 *
 * @param territoryId the node it sits in (community/village, street/town or district)
 * @param territoryPath that node's path, for jurisdiction
 * @param servedAreas the communities and villages it serves
 */
public record CareFacility(long id, String name, FacilityKind kind, long territoryId, String territoryPath,
		String territoryCode, String territoryName, String address, Double latitude, Double longitude, String operator,
		Set<FacilityService> services, int bedsTotal, int bedsOccupied, int familyCareBeds, int inclusiveBeds,
		FacilityStatus status, List<ServedArea> servedAreas, OffsetDateTime updatedAt, String updatedBy, int version) {

	/** A community or village a facility serves. */
	public record ServedArea(long territoryId, String code, String name) {
	}

	public boolean hasLocation() {
		return latitude != null && longitude != null;
	}

	/** Occupancy in percent of the total beds, or {@code null} without beds. */
	public Integer occupancyPercent() {
		return bedsTotal == 0 ? null : (int) Math.round(bedsOccupied * 100.0 / bedsTotal);
	}
}

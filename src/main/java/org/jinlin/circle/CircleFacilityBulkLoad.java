package org.jinlin.circle;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.circle.facilities.CircleFacilityBulkWriter;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many daily-life facilities of the circle at once (a whole city's shops and services), in JDBC batches,
 * without the registry's per-facility checks: the caller vouches for the values (WGS-84 locations, categories of
 * the catalogue, the community each lies in). One facilities-changed event at the end queues one coverage run.
 */
@Service
@RequiredArgsConstructor
public class CircleFacilityBulkLoad {

	/** An operating facility to write, located in WGS-84 in a community. */
	public record NewCircleFacility(String name, String category, TerritoryNode community, String address,
			double latitude, double longitude, String operator, String phone, String openingHours) {
	}

	private final CircleFacilityBulkWriter writer;

	/** Writes the facilities, recorded as created by {@code by}; {@code reason} names the load in the coverage run. */
	@Transactional
	public void load(List<NewCircleFacility> facilities, String by, String reason) {
		writer.write(facilities, by, reason);
	}

	/** The care-facility kinds a category of the catalogue takes from the care-facility network (none for most). */
	@Transactional(readOnly = true)
	public List<FacilityKind> careKinds(String category) {
		return writer.careKinds(category);
	}
}

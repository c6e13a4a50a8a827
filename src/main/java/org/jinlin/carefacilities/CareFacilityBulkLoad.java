package org.jinlin.carefacilities;

import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.internal.CareFacilityBulkWriter;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many facilities at once (a whole city's network), in JDBC batches, without the
 * per-facility checks of the registry: the caller vouches for the values. Publishes no per-facility events, so a
 * load of thousands does not queue thousands of listener runs; the caller announces the load in its own way.
 */
@Service
@RequiredArgsConstructor
public class CareFacilityBulkLoad {

	/** A facility to write: its node, served communities and villages, beds and services. */
	public record NewCareFacility(String name, FacilityKind kind, TerritoryNode territory, String address, Double latitude,
			Double longitude, String operator, Set<FacilityService> services, int bedsTotal, int bedsOccupied,
			int familyCareBeds, int inclusiveBeds, FacilityStatus status, List<TerritoryNode> servedAreas) {
	}

	private final CareFacilityBulkWriter writer;

	/** Writes the facilities in order, recorded as changed by {@code by}; returns their ids in the same order. */
	@Transactional
	public List<Long> load(List<NewCareFacility> facilities, String by) {
		return writer.write(facilities, by);
	}
}

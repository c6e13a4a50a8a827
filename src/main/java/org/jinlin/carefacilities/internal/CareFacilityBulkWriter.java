package org.jinlin.carefacilities.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilityBulkLoad.NewCareFacility;
import org.springframework.stereotype.Component;

/** Turns bulk-loaded facilities into rows of the repository. */
@Component
@RequiredArgsConstructor
public class CareFacilityBulkWriter {

	private final CareFacilityRepository repository;

	public List<Long> write(List<NewCareFacility> facilities, String by) {
		return repository.insertAll(facilities.stream()
			.map(f -> new CareFacilityRepository.Values(f.name(), f.kind(), f.territory(), f.address(), f.latitude(),
					f.longitude(), f.operator(), CareFacilityRepository.encode(f.services()), f.bedsTotal(),
					f.bedsOccupied(), f.familyCareBeds(), f.inclusiveBeds(), f.status(), f.servedAreas()))
			.toList(), by);
	}
}

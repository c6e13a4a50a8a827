package org.jinlin.circle.facilities;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.circle.CircleFacilityBulkLoad.NewCircleFacility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes bulk-loaded facilities through the repository and announces them with one {@link FacilitiesChanged}. */
@Component
@RequiredArgsConstructor
public class CircleFacilityBulkWriter {

	private final CircleFacilityRepository repository;

	private final Categories categories;

	private final ApplicationEventPublisher events;

	public void write(List<NewCircleFacility> facilities, String by, String reason) {
		repository.insertAll(facilities.stream()
			.map(f -> new CircleFacilityRepository.Values(f.name(), f.category(), f.address(), f.latitude(),
					f.longitude(), CoordinateSystem.WGS84, f.latitude(), f.longitude(), f.community(), f.operator(),
					f.phone(), f.openingHours(), CircleFacilityRepository.Status.OPERATING))
			.toList(), CircleFacilityRepository.Origin.MANUAL, by);
		events.publishEvent(new FacilitiesChanged(reason));
	}

	public List<FacilityKind> careKinds(String category) {
		return categories.get(category).careKinds();
	}
}

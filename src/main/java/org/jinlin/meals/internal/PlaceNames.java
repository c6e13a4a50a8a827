package org.jinlin.meals.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of the places of the meal network: an elder canteen's is the care-facility registry's (it keeps no copy),
 * a kitchen's or meal point's its own. A place without a name shows as {@code #id}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PlaceNames {

	private final FiguresRepository repository;

	private final CareFacilities careFacilities;

	/** The name of each place by id. */
	public Map<Long, String> of(Collection<Long> placeIds) {
		Map<Long, String> names = new HashMap<>();
		for (FiguresRepository.PlaceRow p : repository.placesById(placeIds)) {
			names.put(p.id(), name(p));
		}
		return names;
	}

	/** The name of one place, {@code #id} if unknown. */
	public String of(long placeId) {
		return of(java.util.List.of(placeId)).getOrDefault(placeId, "#" + placeId);
	}

	String name(FiguresRepository.PlaceRow p) {
		if (p.facilityId() != null) {
			return careFacilities.find(p.facilityId()).map(CareFacility::name).orElse("#" + p.id());
		}
		return p.name() == null ? "#" + p.id() : p.name();
	}
}

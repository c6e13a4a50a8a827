package org.jinlin.carefacilities;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.internal.CareFacilityRepository;
import org.jinlin.carefacilities.internal.CareFacilityViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped queries on the facility registry for other modules (the 15-minute care circle, meal
 * services): a facility by id, the operating facilities of a kind under a territory path with their
 * locations, the facilities serving a community. Callers apply their own jurisdiction rules; the
 * staff-facing, jurisdiction-checked operations live behind the module's API and pages.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CareFacilities {

	private final CareFacilityRepository repository;

	private final CareFacilityViews views;

	/** A facility by id, whatever its status. */
	public Optional<CareFacility> find(long id) {
		return repository.find(id).map(views::one);
	}

	/**
	 * Operating facilities of a kind whose node lies under a territory path (e.g. {@code /1/2/}; {@code "/"}
	 * for all), with locations and served areas, in id order.
	 */
	public List<CareFacility> facilitiesOfKind(FacilityKind kind, String territoryPath) {
		return views.all(repository.operatingOfKind(kind, territoryPath == null ? "/" : territoryPath));
	}

	/** Facilities (any status) that list a community or village among the areas they serve. */
	public List<CareFacility> serving(long communityId) {
		return views.all(repository.serving(communityId));
	}
}

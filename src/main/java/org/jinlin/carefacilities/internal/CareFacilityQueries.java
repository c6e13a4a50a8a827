package org.jinlin.carefacilities.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facility registry as staff read it, scoped to the caller: one facility, the filtered list, the map points
 * and the rows of an export. Records outside the jurisdiction are 404, non-staff 403.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CareFacilityQueries {

	private final CareFacilityRepository repository;

	private final CareFacilityViews views;

	private final Territories territories;

	/** One facility inside the caller's jurisdiction, or 404. */
	public CareFacility find(long id) {
		return views.one(stored(CareFacilityAccess.reader(), id));
	}

	CareFacilityRepository.Stored stored(Actor actor, long id) {
		return repository.find(id).filter(f -> actor.covers(f.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No care facility " + id));
	}

	/** The node a list or statistics is scoped to: a code inside the jurisdiction (404 otherwise) or the actor's own. */
	public TerritoryNode scope(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId())
				.orElseThrow(() -> new NotFoundException("No territory " + actor.territoryId()));
		}
		return territories.lookupByCode(code.trim()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	private CareFacilityRepository.Filter filter(Actor actor, CareFacilityQuery q) {
		return new CareFacilityRepository.Filter(scope(actor, q.territory()).path(), q.kind(), q.status(), q.q());
	}

	public Paged<CareFacility> search(CareFacilityQuery q) {
		CareFacilityRepository.Filter f = filter(CareFacilityAccess.reader(), q);
		long total = repository.count(f);
		List<CareFacility> items = views.all(repository.search(f, q.page() * q.size(), q.size()));
		return new Paged<>(items, q.page(), q.size(), total);
	}

	public List<CareFacilityRepository.MapPoint> mapPoints(CareFacilityQuery q, int limit) {
		return repository.mapPoints(filter(CareFacilityAccess.reader(), q), limit);
	}

	/** 403 for non-staff, 404 for a territory filter outside the jurisdiction; before an export's response starts. */
	public void checkExport(CareFacilityQuery q) {
		filter(CareFacilityAccess.reader(), q);
	}

	/** Every facility of the list, all pages, in list order (exports). */
	public List<CareFacility> all(CareFacilityQuery q) {
		List<CareFacilityRepository.Stored> rows = new java.util.ArrayList<>();
		repository.stream(filter(CareFacilityAccess.reader(), q), rows::add);
		return views.all(rows);
	}
}

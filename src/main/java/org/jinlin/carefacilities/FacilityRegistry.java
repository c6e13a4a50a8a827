package org.jinlin.carefacilities;

import java.util.List;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facility registry with its rules. Staff read the facilities inside their jurisdiction (the
 * facility's node lies in their subtree); community workers write in their own community, street,
 * district and city officials and administrators in their subtree. Records outside the jurisdiction
 * are 404, a missing role 403, bad fields 400 (nothing written), a stale version 409.
 */
@Service
@Transactional(readOnly = true)
class FacilityRegistry {

	private final FacilityRepository repository;

	private final FacilityValidation validation;

	private final FacilityViews views;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	FacilityRegistry(FacilityRepository repository, FacilityValidation validation, FacilityViews views,
			Territories territories, ApplicationEventPublisher events) {
		this.repository = repository;
		this.validation = validation;
		this.views = views;
		this.territories = territories;
		this.events = events;
	}

	static boolean canRead(Actor actor) {
		return actor.isStaff();
	}

	static boolean canWrite(Actor actor) {
		return !actor.isApiKey() && actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR);
	}

	static Actor requireReader() {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff see the care facilities");
		}
		return actor;
	}

	static Actor requireWriter() {
		Actor actor = CurrentActor.require();
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only community workers, officials and administrators change the facility registry");
		}
		return actor;
	}

	/** One facility inside the caller's jurisdiction, or 404. */
	CareFacility find(long id) {
		Actor actor = requireReader();
		return views.one(stored(actor, id));
	}

	private FacilityRepository.Stored stored(Actor actor, long id) {
		return repository.find(id).filter(f -> actor.covers(f.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No care facility " + id));
	}

	/** The node a list or statistics is scoped to: a code inside the jurisdiction (404 otherwise) or the actor's own. */
	TerritoryNode scope(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId())
				.orElseThrow(() -> new NotFoundException("No territory " + actor.territoryId()));
		}
		return territories.lookupByCode(code.trim()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	FacilityRepository.Filter filter(Actor actor, FacilityQuery q) {
		return new FacilityRepository.Filter(scope(actor, q.territory()).path(), q.kind(), q.status(), q.q());
	}

	FacilityPage search(FacilityQuery q) {
		Actor actor = requireReader();
		FacilityRepository.Filter f = filter(actor, q);
		long total = repository.count(f);
		List<CareFacility> items = views.all(repository.search(f, q.page() * q.size(), q.size()));
		return new FacilityPage(items, total, q.page(), q.size());
	}

	List<FacilityRepository.MapPoint> mapPoints(FacilityQuery q, int limit) {
		Actor actor = requireReader();
		return repository.mapPoints(filter(actor, q), limit);
	}

	@Transactional
	CareFacility register(FacilityDraft draft) {
		Actor actor = requireWriter();
		FacilityRepository.Values v = validation.require(draft, actor);
		long id = repository.insert(v, actor.name());
		events.publishEvent(new FacilityRegistered(id, v.kind(), v.territory().id(), v.territory().path(), v.latitude(),
				v.longitude(), v.status()));
		if (v.bedsTotal() > 0 || v.familyCareBeds() > 0) {
			events.publishEvent(new FacilityBedsChanged(id, v.territory().path(), v.bedsTotal(), v.bedsOccupied(),
					v.familyCareBeds(), v.inclusiveBeds()));
		}
		return views.one(repository.find(id).orElseThrow());
	}

	@Transactional
	CareFacility update(long id, FacilityDraft draft) {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff change care facilities");
		}
		FacilityRepository.Stored before = stored(actor, id);
		requireWriter();
		if (draft.version() == null) {
			throw validation.invalid(List.of(new FacilityValidation.Problem("version", "carefacilities.error.version")));
		}
		FacilityRepository.Values v = validation.require(draft, actor);
		if (!repository.update(id, draft.version(), v, actor.name())) {
			throw new ConflictException(validation.message("carefacilities.error.conflict"));
		}
		events.publishEvent(new FacilityUpdated(id, v.kind(), v.territory().id(), v.territory().path(), v.latitude(),
				v.longitude(), v.status(), before.status()));
		if (before.bedsTotal() != v.bedsTotal() || before.bedsOccupied() != v.bedsOccupied()
				|| before.familyCareBeds() != v.familyCareBeds() || before.inclusiveBeds() != v.inclusiveBeds()) {
			events.publishEvent(new FacilityBedsChanged(id, v.territory().path(), v.bedsTotal(), v.bedsOccupied(),
					v.familyCareBeds(), v.inclusiveBeds()));
		}
		return views.one(repository.find(id).orElseThrow());
	}

	@Transactional
	void delete(long id) {
		Actor actor = CurrentActor.require();
		if (!canRead(actor)) {
			throw new ForbiddenException("Only staff remove care facilities");
		}
		FacilityRepository.Stored before = stored(actor, id);
		requireWriter();
		repository.delete(id);
		events.publishEvent(new FacilityRemoved(id, before.kind(), before.territoryPath()));
	}

	/** Re-validates a draft without writing (for forms that want the field messages only). */
	void check(FacilityDraft draft) throws ValidationFailedException {
		validation.require(draft, requireWriter());
	}
}

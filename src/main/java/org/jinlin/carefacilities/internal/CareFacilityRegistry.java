package org.jinlin.carefacilities.internal;

import java.util.List;

import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityBedsChanged;
import org.jinlin.carefacilities.FacilityRegistered;
import org.jinlin.carefacilities.FacilityRemoved;
import org.jinlin.carefacilities.FacilityUpdated;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, changing and deleting care facilities. Community workers write in their own community, street,
 * district and city officials and administrators in their subtree. Records outside the jurisdiction are 404, a
 * missing role 403, bad fields 400 (nothing written), a stale version 409. Each change publishes its event in
 * the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class CareFacilityRegistry {

	static final String INVALID = "carefacilities.error.invalid";

	private final CareFacilityRepository repository;

	private final CareFacilityQueries queries;

	private final CareFacilityViews views;

	private final CareFacilityValidation validation;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	CareFacilityRegistry(CareFacilityRepository repository, CareFacilityQueries queries, CareFacilityViews views,
			Territories territories, FieldErrors fieldErrors, ApplicationEventPublisher events) {
		this.repository = repository;
		this.queries = queries;
		this.views = views;
		this.validation = new CareFacilityValidation(territories::lookupByCode);
		this.fieldErrors = fieldErrors;
		this.events = events;
	}

	@Transactional
	public CareFacility register(CareFacilityDraft draft) {
		Actor actor = CareFacilityAccess.writer();
		CareFacilityRepository.Values v = valid(draft, actor);
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
	public CareFacility update(long id, CareFacilityDraft draft) {
		CareFacilityRepository.Stored before = staffOwned(id, "Only staff change care facilities");
		Actor actor = CareFacilityAccess.writer();
		if (draft.version() == null) {
			throw fieldErrors.invalid(INVALID, List.of(new FieldError("version", "carefacilities.error.version")));
		}
		CareFacilityRepository.Values v = valid(draft, actor);
		if (!repository.update(id, draft.version(), v, actor.name())) {
			throw new ConflictException(fieldErrors.message("carefacilities.error.conflict"));
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
	public void delete(long id) {
		CareFacilityRepository.Stored before = staffOwned(id, "Only staff remove care facilities");
		CareFacilityAccess.writer();
		repository.delete(id);
		events.publishEvent(new FacilityRemoved(id, before.kind(), before.territoryPath()));
	}

	/** Re-validates a draft without writing (for forms that want the field messages only). */
	public void check(CareFacilityDraft draft) throws ValidationFailedException {
		valid(draft, CareFacilityAccess.writer());
	}

	/** The record inside the caller's jurisdiction: 403 for non-staff (with the reason), 404 outside. */
	private CareFacilityRepository.Stored staffOwned(long id, String reason) {
		Actor actor = CurrentActor.require();
		if (!CareFacilityAccess.canRead(actor)) {
			throw new ForbiddenException(reason);
		}
		return queries.stored(actor, id);
	}

	private CareFacilityRepository.Values valid(CareFacilityDraft draft, Actor actor) {
		CareFacilityValidation.Outcome o = validation.check(draft, actor);
		fieldErrors.failIfAny(INVALID, o.problems());
		return o.values();
	}
}

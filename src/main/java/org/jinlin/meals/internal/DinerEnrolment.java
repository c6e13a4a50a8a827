package org.jinlin.meals.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.AgeBand;
import org.jinlin.meals.DinerCategory;
import org.jinlin.meals.DinerCategoryChanged;
import org.jinlin.meals.DinerDietsViewed;
import org.jinlin.meals.DinerEnrolled;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.shared.web.FieldErrors.trim;

/**
 * Enrolment of diners: staff enrol an elder of their jurisdiction (or she enrols herself in the app, signed in as a
 * resident linked to the register), change her diets, delivery and pause; staff reveal her diets (audited through
 * {@link DinerDietsViewed}); every six months her eligibility is re-checked against the register
 * ({@link DinerCategoryChanged} when her category changed). Another jurisdiction's diner answers 404.
 */
@Service
@RequiredArgsConstructor
public class DinerEnrolment {

	static final String INVALID = "meals.diner.error.invalid";

	private final MealsRepository repository;

	private final ResidentRegister residents;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	@Transactional
	public DinerDetail enrol(DinerForm form) {
		Actor actor = MealsAccess.enroller();
		boolean self = MealsAccess.isSelfDiner(actor);
		Long residentId = self ? actor.residentId() : form.residentId();
		List<FieldError> problems = new ArrayList<>(EnrolmentRules.check(form));
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		ResidentView resident = null;
		if (residentId == null) {
			problems.add(new FieldError("residentId", "meals.error.required"));
		}
		else {
			resident = residents.lookup(residentId)
				.filter(r -> r.status() == ResidentStatus.ACTIVE && (self || actor.covers(r.territoryPath())))
				.orElse(null);
			if (resident == null) {
				problems.add(new FieldError("residentId", "meals.diner.error.unknownResident"));
			}
			else if (AgeBand.of(resident.birthDate(), today).isEmpty()) {
				problems.add(new FieldError("residentId", "meals.diner.error.tooYoung"));
			}
		}
		Long placeId = null;
		if (resident != null) {
			List<Long> serving = repository.placesServing(resident.communityId());
			placeId = form.placeId() != null ? form.placeId() : serving.stream().findFirst().orElse(null);
			if (form.placeId() != null && !serving.contains(form.placeId())) {
				problems.add(new FieldError("placeId", "meals.diner.error.place"));
			}
		}
		fieldErrors.failIfAny(INVALID, problems);
		if (repository.dinerIdOfResident(resident.id()).isPresent()) {
			throw fieldErrors.conflict("meals.diner.error.enrolled");
		}
		Diets diets = new Diets(form.diets(), form.allergies());
		boolean delivery = Boolean.TRUE.equals(form.homeDelivery());
		long id = repository.insertDiner(resident.id(), resident.communityId(), resident.territoryPath(), placeId,
				cipher.encrypt(diets.encode()), delivery, null, actor.name());
		repository.updateEnrolment(id, placeId, cipher.encrypt(diets.encode()), delivery, form.pausedFrom(),
				form.resumeOn(), actor.name());
		DinerCategory category = DinerEligibility.primary(resident);
		repository.recordCheck(id, category, today);
		events.publishEvent(new DinerEnrolled(id, resident.id(), resident.territoryPath(), category, delivery, actor.name()));
		return detail(repository.enrolment(id).orElseThrow(), resident);
	}

	/**
	 * Replaces the editable part of an enrolment: diets and the pause (none when absent); allergies (kept when absent,
	 * cleared when blank), home delivery and the place (kept when absent).
	 */
	@Transactional
	public DinerDetail update(long id, DinerForm form) {
		Actor actor = MealsAccess.enroller();
		MealsRepository.Enrolment e = load(actor, id);
		List<FieldError> problems = new ArrayList<>(EnrolmentRules.check(form));
		Long placeId = e.placeId();
		if (form.placeId() != null && !form.placeId().equals(e.placeId())) {
			if (!repository.placesServing(e.communityId()).contains(form.placeId())) {
				problems.add(new FieldError("placeId", "meals.diner.error.place"));
			}
			placeId = form.placeId();
		}
		fieldErrors.failIfAny(INVALID, problems);
		boolean delivery = form.homeDelivery() == null ? e.homeDelivery() : form.homeDelivery();
		String allergies = form.allergies() == null ? diets(e).allergies() : form.allergies();
		repository.updateEnrolment(id, placeId, cipher.encrypt(new Diets(form.diets(), allergies).encode()), delivery,
				form.pausedFrom(), form.resumeOn(), actor.name());
		return detail(repository.enrolment(id).orElseThrow(), residents.lookup(e.residentId()).orElse(null));
	}

	/** A diner's page: staff of her jurisdiction, the operators of her place, or herself. */
	@Transactional(readOnly = true)
	public DinerDetail detail(long id) {
		Actor actor = CurrentActor.require();
		if (!MealsAccess.canReadDiners(actor) && !MealsAccess.isSelfDiner(actor)) {
			throw new ForbiddenException("Only staff, canteen operators and the diner see a diner");
		}
		MealsRepository.Enrolment e = repository.enrolment(id).orElseThrow(() -> new NotFoundException("No diner " + id));
		boolean visible = MealsAccess.isSelfDiner(actor) ? e.residentId() == actor.residentId()
				: MealsAccess.isOperator(actor) ? repository.placesOfOperator(actor.name()).contains(e.placeId())
						: actor.covers(e.territoryPath());
		if (!visible) {
			throw new NotFoundException("No diner " + id);
		}
		return detail(e, residents.lookup(e.residentId()).orElse(null));
	}

	/** The signed-in resident's own enrolment, if she is enrolled. */
	@Transactional(readOnly = true)
	public Optional<DinerDetail> mine() {
		Actor actor = MealsAccess.selfDiner();
		return repository.enrolmentOfResident(actor.residentId())
			.map(e -> detail(e, residents.lookup(e.residentId()).orElse(null)));
	}

	/** Her diet needs and allergies in full, for staff of her jurisdiction, with a purpose; audited. */
	@Transactional
	public Diets revealDiets(long id, String purpose) {
		Actor actor = MealsAccess.enroller();
		if (!MealsAccess.canEnrolOthers(actor)) {
			throw new ForbiddenException("Only staff reveal a diner's diets");
		}
		MealsRepository.Enrolment e = load(actor, id);
		String why = trim(purpose);
		if (why == null) {
			throw fieldErrors.invalid(INVALID, List.of(new FieldError("purpose", "meals.error.required")));
		}
		if (why.length() > 200) {
			throw fieldErrors.invalid(INVALID, List.of(new FieldError("purpose", "meals.error.tooLong", 200)));
		}
		events.publishEvent(new DinerDietsViewed(id, e.territoryPath(), actor.name(), why, Instant.now()));
		return diets(e);
	}

	/**
	 * The six-monthly re-check (the daily timer, no account): every diner whose last check is six months old or older
	 * gets the category the register gives today; a change is published. Answers how many were checked.
	 */
	@Transactional
	public int recheck(LocalDate today) {
		int checked = 0;
		List<MealsRepository.Enrolment> due;
		LocalDate checkedBy = today.minusMonths(EnrolmentRules.RECHECK_MONTHS);
		while (!(due = repository.dueForRecheck(checkedBy, 500)).isEmpty()) {
			var people = residents.lookupAll(due.stream().map(MealsRepository.Enrolment::residentId).toList());
			for (MealsRepository.Enrolment e : due) {
				DinerCategory now = people.stream()
					.filter(r -> r.id() == e.residentId())
					.findFirst()
					.map(DinerEligibility::primary)
					.orElse(e.category() == null ? DinerCategory.ORDINARY : e.category());
				repository.recordCheck(e.id(), now, today);
				if (e.category() != null && e.category() != now) {
					events.publishEvent(new DinerCategoryChanged(e.id(), e.residentId(), e.territoryPath(), e.category(), now));
				}
				checked++;
			}
		}
		return checked;
	}

	/** Diners of a list already scoped by {@link DinerQueries}, by id: their pause and re-check flags. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, DinerDetail> details(java.util.Collection<Long> ids) {
		var enrolments = repository.enrolments(ids);
		var people = residents.lookupAll(enrolments.stream().map(MealsRepository.Enrolment::residentId).toList())
			.stream()
			.collect(java.util.stream.Collectors.toMap(ResidentView::id, r -> r));
		java.util.Map<Long, DinerDetail> details = new java.util.HashMap<>();
		enrolments.forEach(e -> details.put(e.id(), detail(e, people.get(e.residentId()))));
		return details;
	}

	/** May the current account enrol others (the pages show the form). */
	public boolean canEnrolOthers() {
		return CurrentActor.find().map(MealsAccess::canEnrolOthers).orElse(false);
	}

	/** The signed-in resident's own allergies (her own data: no audit), if she is enrolled. */
	@Transactional(readOnly = true)
	public String myAllergies() {
		Actor actor = MealsAccess.selfDiner();
		return repository.enrolmentOfResident(actor.residentId()).map(e -> diets(e).allergies()).orElse(null);
	}

	/** The enrolment if the actor may change it: staff of her jurisdiction or herself; else 404. */
	private MealsRepository.Enrolment load(Actor actor, long id) {
		return repository.enrolment(id)
			.filter(e -> MealsAccess.isSelfDiner(actor) ? e.residentId() == actor.residentId() : actor.covers(e.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No diner " + id));
	}

	Diets diets(MealsRepository.Enrolment e) {
		return Diets.decode(e.dietsCipher() == null ? null : cipher.decrypt(e.dietsCipher()));
	}

	DinerDetail detail(MealsRepository.Enrolment e, ResidentView r) {
		LocalDate today = LocalDate.now(CounterSales.ZONE);
		LocalDate due = EnrolmentRules.recheckDue(e.checkedOn());
		String code = territories.lookup(e.communityId()).map(TerritoryNode::code).orElse(null);
		return new DinerDetail(e.id(), e.residentId(), r == null ? null : Masking.name(r.name()), code, e.placeId(),
				r == null ? DinerCategory.ORDINARY : DinerEligibility.primary(r), diets(e).codes(), e.homeDelivery(),
				e.pausedFrom(), e.resumeOn(), EnrolmentRules.pausedOn(e.pausedFrom(), e.resumeOn(), today), due,
				due.isBefore(today));
	}
}

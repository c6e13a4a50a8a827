package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.eldercare.LivingSituation;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps care profiles in step with the resident register: creates a profile for an active resident who has
 * reached {@code jinlin.eldercare.elderly-age} (default 60), refreshes the copied name, birth date and place,
 * deactivates the profile of a voided resident, and recomputes the derived risk level and next visit due.
 * Runs inside the caller's transaction.
 */
@Component
class ElderProfiles {

	private final ElderRepository repository;

	private final Territories territories;

	private final int elderlyAge;

	private final CareRules.VisitPlan plan;

	ElderProfiles(ElderRepository repository, Territories territories,
			@Value("${jinlin.eldercare.elderly-age:60}") int elderlyAge,
			@Value("${jinlin.eldercare.visits.alone-age:80}") int aloneAge,
			@Value("${jinlin.eldercare.visits.alone-aged:P1W}") Period aloneAged,
			@Value("${jinlin.eldercare.visits.alone-or-dependent:P2W}") Period aloneOrDependent,
			@Value("${jinlin.eldercare.visits.others:P1M}") Period others) {
		this.repository = repository;
		this.territories = territories;
		this.elderlyAge = elderlyAge;
		this.plan = new CareRules.VisitPlan(aloneAge, aloneAged, aloneOrDependent, others);
	}

	int elderlyAge() {
		return elderlyAge;
	}

	CareRules.VisitPlan plan() {
		return plan;
	}

	static LocalDate today() {
		return LocalDate.now(CareRules.ZONE);
	}

	boolean oldEnough(LocalDate birthDate) {
		return !birthDate.plusYears(elderlyAge).isAfter(today());
	}

	/**
	 * Creates or refreshes the profile of a resident: a new one if the resident is active and old enough,
	 * otherwise refreshes an existing one (or deactivates it if the resident was voided).
	 *
	 * @return the elder id, if the resident has a profile now
	 */
	Optional<Long> sync(ResidentView r, String by, Map<Long, String> communityCodes) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		Optional<ElderRepository.Stored> existing = repository.findByResident(r.id());
		if (existing.isPresent()) {
			ElderRepository.Stored e = existing.get();
			if (r.status() != ResidentStatus.ACTIVE) {
				if (e.active()) {
					repository.setStatus(e.id(), "INACTIVE", by, now);
				}
				return Optional.of(e.id());
			}
			repository.updatePerson(e.id(), person(r, communityCodes), by, now);
			recompute(e.id());
			return Optional.of(e.id());
		}
		if (r.status() != ResidentStatus.ACTIVE || !oldEnough(r.birthDate())) {
			return Optional.empty();
		}
		LivingSituation living = r.tags().contains(ResidentTag.LIVING_ALONE) ? LivingSituation.ALONE
				: r.tags().contains(ResidentTag.EMPTY_NEST) ? LivingSituation.EMPTY_NEST : LivingSituation.WITH_FAMILY;
		int age = CareRules.age(r.birthDate());
		boolean alone = living == LivingSituation.ALONE;
		RiskLevel risk = CareRules.risk(null, alone, age, 0);
		LocalDate next = plan.nextDue(today(), alone, age, null);
		return repository.insertIfAbsent(person(r, communityCodes), living, risk, next, by, now);
	}

	Optional<Long> sync(ResidentView r, String by) {
		return sync(r, by, new HashMap<>());
	}

	/** Recomputes the risk level and next visit due from the stored profile, last assessment and last visit. */
	void recompute(long elderId) {
		ElderRepository.Stored e = repository.find(elderId).orElseThrow();
		int age = CareRules.age(e.birthDate());
		boolean alone = e.livingSituation() == LivingSituation.ALONE;
		RiskLevel risk = CareRules.risk(e.abilityLevel(), alone, age, 0);
		LocalDate from = e.lastVisitAt() != null ? e.lastVisitAt().atZone(CareRules.ZONE).toLocalDate() : null;
		LocalDate next = from == null ? (e.nextVisitDue() != null ? e.nextVisitDue() : today())
				: plan.nextDue(from, alone, age, e.abilityLevel());
		repository.updateDerived(elderId, e.abilityLevel(), risk, e.lastAssessedOn(), e.reassessmentDue(), next);
	}

	ElderRepository.Person person(ResidentView r, Map<Long, String> communityCodes) {
		String code = communityCodes.computeIfAbsent(r.communityId(),
				id -> territories.lookup(id).map(TerritoryNode::code).orElse(""));
		return new ElderRepository.Person(r.id(), r.name(), r.gender().name(), r.birthDate(), r.buildingId(),
				r.communityId(), code, r.territoryPath(), r.addressLabel());
	}

	/** Creates profiles for every active resident old enough who has none yet (imports, people turning 60). */
	int sweep(List<ResidentView> residents, String by) {
		Map<Long, String> codes = new HashMap<>();
		int created = 0;
		for (ResidentView r : residents) {
			if (repository.findByResident(r.id()).isEmpty() && sync(r, by, codes).isPresent()) {
				created++;
			}
		}
		return created;
	}
}

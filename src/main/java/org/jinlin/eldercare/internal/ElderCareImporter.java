package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.ElderCareImport;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Masking;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ElderCareImport} through the module's repositories and rules. */
@Service
@Transactional
@RequiredArgsConstructor
class ElderCareImporter implements ElderCareImport {

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final ElderProfiles profiles;

	private final CareTasks tasks;

	private final ResidentRegister residents;

	private final AccountManagement accounts;

	private final PersonalDataCipher cipher;

	@Override
	public int createProfiles(String by) {
		List<Long> ids = residents.lookupActiveBornOnOrBefore(CareRules.today().minusYears(profiles.elderlyAge()));
		List<ResidentView> elders = new ArrayList<>(residents.lookupAll(ids));
		elders.sort(Comparator.comparingLong(ResidentView::id));
		return profiles.sweep(elders, by);
	}

	@Override
	public List<LoadedElder> elders() {
		return repository.all().stream()
			.map(e -> new LoadedElder(e.id(), e.name(), e.communityCode(), e.territoryPath(), e.livingSituation()))
			.toList();
	}

	@Override
	public void contacts(long elderId, List<Contact> contacts) {
		List<ElderRepository.StoredContact> list = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			Contact c = contacts.get(i);
			list.add(new ElderRepository.StoredContact(0, i + 1, c.name(), c.relation(), cipher.encrypt(c.phone()),
					Masking.phone(c.phone()), null));
		}
		repository.replaceContacts(elderId, list);
	}

	@Override
	public void care(long elderId, Care care, String by, OffsetDateTime now) {
		ElderRepository.Stored e = repository.find(elderId).orElseThrow();
		repository.updateCare(elderId, e.livingSituation(), care.mobility(), seal(care.conditions()), seal(care.medicines()),
				seal(care.allergies()), care.doorAccessNotes() == null ? null : cipher.encrypt(care.doorAccessNotes()), by, now);
	}

	private String seal(List<String> items) {
		return items.isEmpty() ? null : cipher.encrypt(String.join("\n", items));
	}

	@Override
	public void device(long elderId, String deviceId, DeviceKind kind, String by, OffsetDateTime now) {
		repository.insertDevice(elderId, deviceId, kind, by, now);
	}

	@Override
	public void carer(long elderId, CarerRole role, String username, String by, OffsetDateTime now) {
		accounts.lookup(username)
			.map(a -> new ElderRepository.Carer(role, accounts.lookupId(username).orElse(null), a.username(), a.displayName()))
			.ifPresent(c -> repository.assignCarer(elderId, c, by, now));
	}

	@Override
	public List<Integer> assessmentItemMaxima() {
		return CareRules.ITEMS.stream().map(CareRules.Item::max).toList();
	}

	@Override
	public void assessmentAndVisit(long elderId, LocalDate assessedOn, String assessedBy, int[] scores, boolean dementia,
			String note, IntFunction<PastVisit> visit, String by, OffsetDateTime now) {
		ElderRepository.Stored e = repository.find(elderId).orElseThrow();
		CareRules.Result result = CareRules.assess(scores, dementia, false, 0);
		records.insertAssessment(e.id(), assessedOn, assessedBy, scores, result, dementia, false, 0, note, now);
		int age = CareRules.age(e.birthDate());
		boolean alone = e.livingSituation() == LivingSituation.ALONE;
		RiskLevel risk = CareRules.risk(result.finalLevel(), alone, age, 0);
		CareRules.VisitPlan plan = profiles.plan();
		int intervalDays = (int) plan.interval(alone, age, result.finalLevel()).toTotalMonths() * 30
				+ plan.interval(alone, age, result.finalLevel()).getDays();
		PastVisit v = visit.apply(intervalDays);
		OffsetDateTime visitedAt = v.day().atTime(LocalTime.of(10, 0)).atZone(CareRules.ZONE).toOffsetDateTime();
		records.insertVisit(e.id(), visitedAt, v.visitor(), v.visitorName(), v.kind(), v.findings(), false, null, null, now);
		repository.updateVisited(e.id(), visitedAt, plan.nextDue(v.day(), alone, age, result.finalLevel()));
		repository.updateDerived(e.id(), result.finalLevel(), risk, assessedOn, CareRules.reassessmentDue(assessedOn),
				plan.nextDue(v.day(), alone, age, result.finalLevel()));
	}

	@Override
	public int birthdayTasks(LocalDate today) {
		return tasks.createBirthdayTasks(today);
	}
}

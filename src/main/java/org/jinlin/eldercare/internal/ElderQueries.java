package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.internal.ElderViews.AssessmentView;
import org.jinlin.eldercare.internal.ElderViews.CarerRow;
import org.jinlin.eldercare.internal.ElderViews.ContactRow;
import org.jinlin.eldercare.internal.ElderViews.DeviceRow;
import org.jinlin.eldercare.internal.ElderViews.ElderRow;
import org.jinlin.eldercare.internal.ElderViews.ElderView;
import org.jinlin.eldercare.internal.ElderViews.PhotoUpload;
import org.jinlin.eldercare.internal.ElderViews.RiskEventView;
import org.jinlin.eldercare.internal.ElderViews.VisitView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's queries for its own pages and API, scoped to the caller by {@link ElderAccess}: the list (and its
 * Excel export), one elder's masked profile, assessments, visits, risk events and visit photos.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderQueries {

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final Territories territories;

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	/** An active elder the actor may see, or 404 (403 if the actor may see no elders at all). */
	ElderRepository.Stored load(Actor actor, long elderId) {
		ElderAccess.Scope scope = ElderAccess.scope(actor);
		return repository.find(elderId)
			.filter(ElderRepository.Stored::active)
			.filter(e -> scope.allows(e, scope.pathPattern() == null ? repository.carers(e.id()) : List.of()))
			.orElseThrow(() -> new NotFoundException("No elder with id " + elderId));
	}

	/**
	 * One page of active elders the caller may see, ordered by risk (highest first) then name.
	 *
	 * @param communityCode territory code of a community (or any node) to narrow to
	 * @param risk only this risk level
	 */
	public Paged<ElderRow> search(String communityCode, RiskLevel risk, String namePrefix, int page, int size) {
		Actor actor = CurrentActor.require();
		int p = Math.max(0, page);
		int s = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		Optional<ElderRepository.Filter> filter = filter(actor, communityCode, risk, namePrefix);
		if (filter.isEmpty()) {
			return new Paged<>(List.of(), p, s, 0);
		}
		long total = repository.count(filter.get());
		List<ElderRow> rows = total == 0 ? List.of()
				: repository.page(filter.get(), s, (long) p * s).stream().map(this::row).toList();
		return new Paged<>(rows, p, s, total);
	}

	/** Every matching elder (masked), for the Excel export. */
	public void export(String communityCode, RiskLevel risk, String namePrefix, Consumer<ElderRow> sink) {
		Actor actor = CurrentActor.require();
		filter(actor, communityCode, risk, namePrefix).ifPresent(f -> repository.each(f, e -> sink.accept(row(e))));
	}

	/** The list's filter for the caller, or empty when the community code names no node. */
	private Optional<ElderRepository.Filter> filter(Actor actor, String communityCode, RiskLevel risk, String namePrefix) {
		ElderAccess.Scope scope = ElderAccess.scope(actor);
		String subtree = null;
		if (communityCode != null && !communityCode.isBlank()) {
			Optional<TerritoryNode> node = territories.lookupByCode(communityCode.strip());
			if (node.isEmpty()) {
				return Optional.empty();
			}
			subtree = node.get().path();
		}
		return Optional.of(new ElderRepository.Filter(scope, subtree, risk, namePrefix));
	}

	private ElderRow row(ElderRepository.Stored e) {
		LocalDate today = ElderProfiles.today();
		return new ElderRow(e.id(), e.name(), e.communityCode(), CareRules.age(e.birthDate()),
				e.livingSituation() == LivingSituation.ALONE, e.riskLevel(), e.livingSituation(), e.abilityLevel(),
				e.nextVisitDue(), e.nextVisitDue() != null && e.nextVisitDue().isBefore(today), e.addressLabel());
	}

	/** One elder's profile, masked (no health data, phones masked). */
	public ElderView find(long elderId) {
		Actor actor = CurrentActor.require();
		return view(load(actor, elderId));
	}

	ElderView view(ElderRepository.Stored e) {
		LocalDate today = ElderProfiles.today();
		List<ContactRow> contacts = repository.contacts(e.id()).stream()
			.map(c -> new ContactRow(c.priority(), c.name(), c.relation(), c.phoneMasked())).toList();
		List<CarerRow> circle = repository.carers(e.id()).stream()
			.map(c -> new CarerRow(c.role().name(), c.username(), c.displayName())).toList();
		List<DeviceRow> devices = repository.devices(e.id()).stream()
			.map(d -> new DeviceRow(d.id(), d.deviceId(), d.kind(), d.registeredAt())).toList();
		boolean health = e.conditionsCipher() != null || e.medicinesCipher() != null || e.allergiesCipher() != null
				|| e.doorAccessCipher() != null;
		return new ElderView(e.id(), e.residentId(), e.name(), e.gender(), e.birthDate(), CareRules.age(e.birthDate()),
				e.communityCode(), e.addressLabel(), e.livingSituation(), e.livingSituation() == LivingSituation.ALONE,
				e.mobility(), e.abilityLevel(), e.riskLevel(), e.lastAssessedOn(), e.reassessmentDue(),
				e.reassessmentDue() != null && !e.reassessmentDue().isAfter(today), e.lastVisitAt(), e.nextVisitDue(),
				e.nextVisitDue() != null && e.nextVisitDue().isBefore(today), health, e.status(), contacts, circle, devices);
	}

	public List<AssessmentView> assessments(long elderId) {
		load(CurrentActor.require(), elderId);
		return records.assessments(elderId).stream()
			.map(a -> new AssessmentView(a.id(), a.assessedOn(), a.assessedBy(),
					java.util.Arrays.stream(a.scores()).boxed().toList(), a.selfCare(), a.basicMotor(), a.mentalState(),
					a.perceptionSocial(), a.total(), a.baseLevel(), a.dementia(), a.mentalDisorder(), a.riskEvents(),
					a.finalLevel(), a.note()))
			.toList();
	}

	public List<VisitView> visits(long elderId) {
		load(CurrentActor.require(), elderId);
		return records.visits(elderId).stream()
			.map(v -> new VisitView(v.id(), v.visitedAt(), v.visitor(), v.visitorName(), v.kind(), v.findings(),
					v.followUp(), v.hasPhoto()))
			.toList();
	}

	public List<RiskEventView> riskEvents(long elderId) {
		load(CurrentActor.require(), elderId);
		return records.riskEvents(elderId).stream()
			.map(r -> new RiskEventView(r.id(), r.kind(), r.occurredOn(), r.note(), r.recordedBy())).toList();
	}

	/** A visit photo, with the same visibility as the elder. */
	public PhotoUpload visitPhoto(long visitId) {
		Actor actor = CurrentActor.require();
		CareRecordRepository.Photo photo = records.visitPhoto(visitId)
			.orElseThrow(() -> new NotFoundException("No photo for visit " + visitId));
		load(actor, photo.elderId());
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}
}

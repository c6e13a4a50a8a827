package org.jinlin.eldercare.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.VisitKind;
import org.jinlin.eldercare.VisitRecorded;
import org.jinlin.eldercare.internal.ElderViews.OverdueVisit;
import org.jinlin.eldercare.internal.ElderViews.PhotoUpload;
import org.jinlin.eldercare.internal.ElderViews.RecordVisit;
import org.jinlin.eldercare.internal.ElderViews.VisitView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits and phone check-ins by workers or the elder's buddy: recording one (the next visit falls due by the visit
 * plan; a birthday visit closes the birthday task) and the elders whose visit is overdue.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderVisits {

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final ElderQueries queries;

	private final ElderProfiles profiles;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final ElderInput input;

	public static final int FINDINGS_MAX = 2000;

	public static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

	/**
	 * Records a visit or phone check-in by a worker or the elder's buddy; the next visit is due by the visit plan
	 * from this one. A birthday visit closes the open birthday task.
	 */
	@Transactional
	public VisitView recordVisit(long elderId, RecordVisit cmd, PhotoUpload photo) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = queries.load(actor, elderId);
		boolean buddy = repository.carers(elderId).stream().anyMatch(c -> c.username().equals(actor.name()));
		boolean asBuddy = repository.carers(elderId).stream()
			.anyMatch(c -> c.username().equals(actor.name()) && c.role() == CarerRole.BUDDY);
		if (!ElderAccess.canWrite(actor) && !buddy) {
			throw new ForbiddenException("Only workers and the elder's care circle record visits");
		}
		List<FieldError> errors = new ArrayList<>();
		if (cmd == null || cmd.kind() == null) {
			errors.add(new FieldError("kind", "eldercare.error.kind.required"));
		}
		Instant at = cmd == null || cmd.visitedAt() == null ? Instant.now() : cmd.visitedAt();
		if (at.isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
			errors.add(new FieldError("visitedAt", "eldercare.error.date.future"));
		}
		String findings = ElderInput.text(cmd == null ? null : cmd.findings(), "findings", FINDINGS_MAX, true, errors);
		if (photo != null && photo.bytes() != null && photo.bytes().length > 0) {
			if (photo.bytes().length > PHOTO_MAX_BYTES) {
				errors.add(new FieldError("photo", "eldercare.error.photo.size"));
			}
			else if (!"image/jpeg".equals(photo.contentType()) && !"image/png".equals(photo.contentType())) {
				errors.add(new FieldError("photo", "eldercare.error.photo.type"));
			}
		}
		input.failIfAny(errors);
		boolean withPhoto = photo != null && photo.bytes() != null && photo.bytes().length > 0;
		OffsetDateTime visitedAt = at.atOffset(ZoneOffset.UTC);
		long id = records.insertVisit(elderId, visitedAt, actor.name(), displayName(actor), cmd.kind(), findings,
				Boolean.TRUE.equals(cmd.followUp()), withPhoto ? photo.contentType() : null, withPhoto ? photo.bytes() : null,
				ElderInput.now());
		if (e.lastVisitAt() == null || !at.isBefore(e.lastVisitAt())) {
			LocalDate day = at.atZone(CareRules.ZONE).toLocalDate();
			repository.updateVisited(elderId, visitedAt, profiles.plan().nextDue(day,
					e.livingSituation() == LivingSituation.ALONE, CareRules.age(e.birthDate()), e.abilityLevel()));
		}
		if (cmd.kind() == VisitKind.BIRTHDAY_VISIT) {
			records.openTasks(elderId, CareTasks.BIRTHDAY_VISIT).forEach(t -> records.closeTask(t.id(), id));
		}
		events.publishEvent(new VisitRecorded(id, elderId, e.communityId(), e.territoryPath(), actor.name(),
				displayName(actor), cmd.kind(), asBuddy, at));
		return queries.visits(elderId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

	private String displayName(Actor actor) {
		return actor.accountId() == null ? actor.name()
				: accounts.lookup(actor.name()).map(AccountManagement.AccountReference::displayName).orElse(actor.name());
	}

	/**
	 * Elders whose next visit is overdue, most overdue first: in the caller's jurisdiction, or with {@code mine}
	 * only those whose care circle includes the caller (a buddy always sees only their own).
	 */
	public List<OverdueVisit> overdueVisits(boolean mine) {
		Actor actor = CurrentActor.require();
		ElderAccess.Scope scope = ElderAccess.scope(actor);
		LocalDate today = ElderProfiles.today();
		return repository.overdue(scope, mine && scope.pathPattern() != null ? actor.name() : null, today).stream()
			.map(e -> new OverdueVisit(e.id(), e.name(), e.communityCode(), e.addressLabel(), e.riskLevel(),
					e.livingSituation(), e.nextVisitDue(), ChronoUnit.DAYS.between(e.nextVisitDue(), today)))
			.toList();
	}
}

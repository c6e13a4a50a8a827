package org.jinlin.eldercare.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.internal.ElderViews.AssessmentView;
import org.jinlin.eldercare.internal.ElderViews.RecordAssessment;
import org.jinlin.eldercare.internal.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.internal.ElderViews.RiskEventView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments per GB/T 42195-2022 and the care-risk events that feed their upgrade rules; an assessment updates
 * the elder's ability level, risk, next reassessment and visit plan.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ElderAssessments {

	private final ElderRepository repository;

	private final CareRecordRepository records;

	private final ElderQueries queries;

	private final ElderProfiles profiles;

	private final ElderInput input;

	/** Records a care-risk event or change in condition: a reassessment becomes due now. */
	@Transactional
	public List<RiskEventView> recordRiskEvent(long elderId, RecordRiskEvent cmd) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = ElderProfiles.today();
		if (cmd == null || cmd.kind() == null) {
			errors.add(new FieldError("kind", "eldercare.error.kind.required"));
		}
		LocalDate on = cmd == null || cmd.occurredOn() == null ? today : cmd.occurredOn();
		if (on.isAfter(today)) {
			errors.add(new FieldError("occurredOn", "eldercare.error.date.future"));
		}
		String note = ElderInput.text(cmd == null ? null : cmd.note(), "note", 500, false, errors);
		input.failIfAny(errors);
		records.insertRiskEvent(elderId, cmd.kind(), on, note, actor.name(), ElderInput.now());
		if (e.lastAssessedOn() != null) {
			repository.setReassessmentDue(elderId, today);
		}
		return queries.riskEvents(elderId);
	}

	/**
	 * Records a GB/T 42195-2022 assessment: scores the 26 items, applies the upgrade rules (diagnoses given here,
	 * care-risk events recorded in the 30 days before), stores it, and updates the elder's level, risk, next
	 * reassessment (6 months) and visit plan.
	 */
	@Transactional
	public AssessmentView recordAssessment(long elderId, RecordAssessment cmd) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = ElderProfiles.today();
		int[] scores = new int[CareRules.ITEM_COUNT];
		if (cmd == null || cmd.scores() == null || cmd.scores().size() != CareRules.ITEM_COUNT) {
			errors.add(new FieldError("scores", "eldercare.error.scores.count"));
		}
		else {
			for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
				Integer v = cmd.scores().get(i);
				CareRules.Item item = CareRules.ITEMS.get(i);
				if (v == null || v < 0 || v > item.max()) {
					errors.add(new FieldError("scores[" + i + "]", "eldercare.error.score.range", item.max()));
				}
				else {
					scores[i] = v;
				}
			}
		}
		LocalDate on = cmd == null || cmd.assessedOn() == null ? today : cmd.assessedOn();
		if (on.isAfter(today)) {
			errors.add(new FieldError("assessedOn", "eldercare.error.date.future"));
		}
		String note = ElderInput.text(cmd == null ? null : cmd.note(), "note", 500, false, errors);
		input.failIfAny(errors);
		boolean dementia = Boolean.TRUE.equals(cmd.dementia());
		boolean mental = Boolean.TRUE.equals(cmd.mentalDisorder());
		int events = (int) records.riskEvents(elderId).stream()
			.filter(r -> r.kind().careRisk() && CareRules.inRiskWindow(r.occurredOn(), on)).count();
		CareRules.Result result = CareRules.assess(scores, dementia, mental, events);
		long id = records.insertAssessment(elderId, on, actor.name(), scores, result, dementia, mental, events, note, ElderInput.now());
		LocalDate latest = e.lastAssessedOn() == null || !on.isBefore(e.lastAssessedOn()) ? on : e.lastAssessedOn();
		if (latest.equals(on)) {
			int age = CareRules.age(e.birthDate());
			boolean alone = e.livingSituation() == LivingSituation.ALONE;
			repository.updateDerived(elderId, result.finalLevel(), CareRules.risk(result.finalLevel(), alone, age, 0), on,
					CareRules.reassessmentDue(on), e.nextVisitDue());
			profiles.recompute(elderId);
		}
		return queries.assessments(elderId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** Care-risk events recorded for an elder the caller may see in the 30 days before {@code on} (for the form's preview). */
	public int riskEventsBefore(long elderId, LocalDate on) {
		queries.load(CurrentActor.require(), elderId);
		return (int) records.riskEvents(elderId).stream()
			.filter(r -> r.kind().careRisk() && CareRules.inRiskWindow(r.occurredOn(), on)).count();
	}

	private ElderRepository.Stored writable(Actor actor, long elderId) {
		ElderAccess.requireWriter(actor);
		return queries.load(actor, elderId);
	}
}

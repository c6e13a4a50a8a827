package org.jinlin.consultation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationDecided;
import org.jinlin.consultation.internal.ProcedureRules.StageStatus;
import org.jinlin.consultation.internal.TopicDetail.Stage;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding a topic's stages by its procedure: staff record each sitting (应到/实到, the paper ballots, minutes,
 * decision); a sitting whose quorum fails fails the stage, which may be held again; when every deciding stage has
 * passed the topic is decided and its decision due for publication within
 * {@code jinlin.consultation.publish-within-days}; then the decision (决议公开) and later the result (实施结果公开) are
 * published, each in turn. Publishing the decision publishes {@link ConsultationDecided}.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class StageRecording {

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final FieldErrors fieldErrors;

	private final ApplicationEventPublisher events;

	@Value("${jinlin.consultation.publish-within-days:7}")
	private final int publishWithinDays;

	@Value("${jinlin.consultation.result-within-days:90}")
	private final int resultWithinDays;

	/** Records a sitting of stage {@code seq} from the meeting and its paper ballots. */
	public Topic recordSitting(long id, int seq, SittingDraft draft) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.FIXED) {
			throw fieldErrors.conflict("consultation.topic.not-fixed");
		}
		if (t.voteOpen()) {
			throw fieldErrors.conflict("consultation.vote.open");
		}
		Procedure procedure = repository.procedure(id, t.procedureCode());
		List<Stage> stages = repository.stages(id);
		refuseUnlessHoldable(procedure, stages, seq);
		StageRule rule = procedure.stages().get(seq);
		if (rule.kind().publication()) {
			throw fieldErrors.conflict("consultation.stage.publish-separately");
		}
		ProcedureRules.Tally tally = new ProcedureRules.Tally(draft.expected(), draft.present(), draft.votesFor(),
				draft.votesAgainst(), draft.votesAbstain());
		List<FieldError> p = new ArrayList<>(ProcedureRules.check(rule, tally));
		if (draft.heldAt() == null) {
			p.add(new FieldError("heldAt", "consultation.error.required"));
		}
		else if (draft.heldAt().isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
			p.add(new FieldError("heldAt", "consultation.sitting.future"));
		}
		String minutes = ConsultationChecks.text(draft.minutes(), "minutes", false, 4000, p);
		String decision = ConsultationChecks.text(draft.decision(), "decision", false, 2000, p);
		fieldErrors.failIfAny(p);
		ProcedureRules.Outcome outcome = ProcedureRules.evaluate(rule, tally);
		if (outcome.passed() && lastDeciding(procedure, seq) && decision == null) {
			fieldErrors.failIfAny(List.of(new FieldError("decision", "consultation.sitting.decision-required")));
		}
		hold(t, stages.get(seq), rule, tally, outcome, false, minutes, decision, draft.heldAt());
		return repository.find(id).orElseThrow();
	}

	/**
	 * Writes a sitting and its stage's new status; when the last deciding stage passes, the topic is decided. Shared
	 * with the online vote's close.
	 */
	void hold(Topic t, Stage stage, StageRule rule, ProcedureRules.Tally tally, ProcedureRules.Outcome outcome,
			boolean online, String minutes, String decision, Instant heldAt) {
		Actor actor = CurrentActor.require();
		repository.insertSitting(stage.id(), t.id(), heldAt, tally, outcome, online, minutes, decision, actor.name());
		if (!repository.setStageStatus(stage.id(), outcome.passed() ? StageStatus.PASSED : StageStatus.FAILED,
				stage.status())) {
			throw fieldErrors.conflict("consultation.stage.changed");
		}
		Procedure procedure = repository.procedure(t.id(), t.procedureCode());
		if (outcome.passed() && lastDeciding(procedure, stage.seq())) {
			Instant now = Instant.now();
			repository.decide(t.id(), decision, now, now.plus(Duration.ofDays(publishWithinDays)));
		}
	}

	/** The decision is published on the community's board (决议公开): the demand it came from moves on. */
	public Topic publishDecision(long id) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.DECIDED) {
			throw fieldErrors.conflict("consultation.stage.publish-before-decision");
		}
		Stage stage = publicationStage(t, StageKind.DECISION_PUBLICATION);
		Instant now = Instant.now();
		repository.insertSitting(stage.id(), id, now, new ProcedureRules.Tally(0, 0, null, null, null),
				new ProcedureRules.Outcome(true, true), false, null, t.decision(), CurrentActor.require().name());
		if (!repository.setStageStatus(stage.id(), StageStatus.PASSED, stage.status())
				|| !repository.moveStatus(id, TopicStatus.DECIDED, TopicStatus.DECIDED)) {
			throw fieldErrors.conflict("consultation.stage.changed");
		}
		repository.publishDecision(id, now, now.plus(Duration.ofDays(resultWithinDays)));
		events.publishEvent(new ConsultationDecided(id, t.demandId(), t.communityId(), t.territoryPath(), t.decision(), now));
		return repository.find(id).orElseThrow();
	}

	/** The result of the implementation is published (实施结果公开); residents may then rate it. */
	public Topic publishResult(long id, String result) {
		Topic t = scope.managed(id);
		if (t.status() != TopicStatus.PUBLISHED) {
			throw fieldErrors.conflict("consultation.topic.not-published");
		}
		List<FieldError> p = new ArrayList<>();
		String text = ConsultationChecks.text(result, "result", true, 4000, p);
		fieldErrors.failIfAny(p);
		Stage stage = publicationStage(t, StageKind.RESULT_PUBLICATION);
		Instant now = Instant.now();
		repository.insertSitting(stage.id(), id, now, new ProcedureRules.Tally(0, 0, null, null, null),
				new ProcedureRules.Outcome(true, true), false, null, text, CurrentActor.require().name());
		if (!repository.setStageStatus(stage.id(), StageStatus.PASSED, stage.status())) {
			throw fieldErrors.conflict("consultation.stage.changed");
		}
		repository.publishResult(id, text, now);
		return repository.find(id).orElseThrow();
	}

	private Stage publicationStage(Topic t, StageKind kind) {
		Procedure procedure = repository.procedure(t.id(), t.procedureCode());
		List<Stage> stages = repository.stages(t.id());
		int seq = -1;
		for (int i = 0; i < procedure.stages().size(); i++) {
			if (procedure.stages().get(i).kind() == kind) {
				seq = i;
			}
		}
		refuseUnlessHoldable(procedure, stages, seq);
		return stages.get(seq);
	}

	void refuseUnlessHoldable(Procedure procedure, List<Stage> stages, int seq) {
		String refusal = ProcedureRules.refusal(procedure, stages.stream().map(Stage::status).toList(), seq);
		if (refusal != null) {
			throw fieldErrors.conflict(refusal);
		}
	}

	/** Whether stage {@code seq} is the procedure's last deciding (non-publication) stage. */
	static boolean lastDeciding(Procedure procedure, int seq) {
		for (int i = seq + 1; i < procedure.stages().size(); i++) {
			if (!procedure.stages().get(i).kind().publication()) {
				return false;
			}
		}
		return !procedure.stages().get(seq).kind().publication();
	}
}

package org.jinlin.consultation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.ConsultationBulkLoad.NewConsultation;
import org.jinlin.consultation.ConsultationBulkLoad.NewParticipant;
import org.jinlin.consultation.ConsultationBulkLoad.NewProgress;
import org.jinlin.consultation.ConsultationBulkLoad.NewSitting;
import org.jinlin.consultation.internal.ProcedureRules.StageStatus;
import org.jinlin.consultation.internal.TopicDetail.Participant;
import org.jinlin.consultation.internal.TopicDetail.Stage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes a whole consultation for {@code ConsultationBulkLoad}, holding the sittings by the procedure's rules. */
@Component
@RequiredArgsConstructor
public class ConsultationBulkWriter {

	private final ConsultationRepository repository;

	@Value("${jinlin.consultation.publish-within-days:7}")
	private final int publishWithinDays;

	@Value("${jinlin.consultation.result-within-days:90}")
	private final int resultWithinDays;

	public long write(NewConsultation c, String by) {
		long id = repository.insert(new ConsultationRepository.NewTopic(c.community().id(), c.community().path(), c.title(),
				c.description(), TopicSource.valueOf(c.source()), null, by, c.proposerUnit(), TopicStatus.ELIGIBLE),
				c.createdAt());
		ConsultationForm form = ConsultationForm.valueOf(c.form());
		Procedure procedure = Procedure.of(form, c.fourTwo());
		List<Participant> participants = c.participants().stream()
			.map((NewParticipant p) -> new Participant(0, ConsultationParticipantKind.valueOf(p.kind()), p.name(), p.role(), null))
			.toList();
		repository.arrange(id, form, procedure, c.venue(), participants);
		if (c.materials() != null) {
			repository.sendMaterials(id, c.materials(), c.createdAt().plus(Duration.ofDays(1)));
		}
		for (NewSitting s : c.sittings()) {
			List<Stage> stages = repository.stages(id);
			int seq = ProcedureRules.current(stages.stream().map(Stage::status).toList());
			StageRule rule = seq < 0 ? null : procedure.stages().get(seq);
			if (rule == null || rule.kind().publication()) {
				throw new IllegalArgumentException("No deciding stage left for a sitting of " + c.title());
			}
			ProcedureRules.Tally tally = new ProcedureRules.Tally(s.expected(), s.present(), s.votesFor(), s.votesAgainst(),
					s.votesAbstain());
			if (!ProcedureRules.check(rule, tally).isEmpty()) {
				throw new IllegalArgumentException("Sitting figures break the rules: " + ProcedureRules.check(rule, tally));
			}
			ProcedureRules.Outcome outcome = ProcedureRules.evaluate(rule, tally);
			repository.insertSitting(stages.get(seq).id(), id, s.heldAt(), tally, outcome, false, s.minutes(), s.decision(), by);
			repository.setStageStatus(stages.get(seq).id(), outcome.passed() ? StageStatus.PASSED : StageStatus.FAILED,
					stages.get(seq).status());
			if (outcome.passed() && StageRecording.lastDeciding(procedure, seq)) {
				repository.decide(id, s.decision(), s.heldAt(), s.heldAt().plus(Duration.ofDays(publishWithinDays)));
			}
		}
		if (c.decisionPublishedAt() == null) {
			return id;
		}
		Topic decided = repository.find(id).orElseThrow();
		if (decided.status() != TopicStatus.DECIDED) {
			throw new IllegalArgumentException("Not decided, cannot publish: " + c.title());
		}
		publicationStage(id, StageKind.DECISION_PUBLICATION, c.decisionPublishedAt(), decided.decision(), by);
		repository.publishDecision(id, c.decisionPublishedAt(), c.decisionPublishedAt().plus(Duration.ofDays(resultWithinDays)));
		for (NewProgress p : c.progress()) {
			repository.addProgress(id, p.note(), p.evidence(), by, p.at());
		}
		if (c.result() != null) {
			publicationStage(id, StageKind.RESULT_PUBLICATION, c.resultPublishedAt(), c.result(), by);
			repository.publishResult(id, c.result(), c.resultPublishedAt());
			c.ratings().forEach((account, rating) -> repository.rate(id, account, FollowUpRating.valueOf(rating),
					c.resultPublishedAt().plus(Duration.ofDays(2))));
		}
		return id;
	}

	private void publicationStage(long id, StageKind kind, Instant at, String text, String by) {
		Stage stage = repository.stages(id).stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
		repository.insertSitting(stage.id(), id, at, new ProcedureRules.Tally(0, 0, null, null, null),
				new ProcedureRules.Outcome(true, true), false, null, text, by);
		repository.setStageStatus(stage.id(), StageStatus.PASSED, stage.status());
	}
}

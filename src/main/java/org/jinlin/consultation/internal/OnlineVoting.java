package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.TopicDetail.Stage;
import org.jinlin.people.ResidentQuery;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online vote on a topic's current deciding stage: staff open it, the residents of the community vote (one
 * ballot each; an open ballot can be changed until the close, a secret one cannot — it is stored without the voter,
 * and only a separate "has voted" row remembers who voted), staff close it, which counts the ballots as the stage's
 * sitting: 应到 the active residents of the community, 实到 those who voted.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class OnlineVoting {

	private final ConsultationRepository repository;

	private final ConsultationScope scope;

	private final StageRecording stages;

	private final ResidentRegister residents;

	private final Territories territories;

	private final FieldErrors fieldErrors;

	public Topic open(long id) {
		Topic t = scope.managed(id);
		current(t);
		if (!repository.setVoteOpen(id, true)) {
			throw fieldErrors.conflict("consultation.vote.open");
		}
		return repository.find(id).orElseThrow();
	}

	/** A resident of the community casts (or, when not secret, changes) her ballot. */
	public Topic cast(long id, String choice) {
		Topic t = scope.takingPart(id);
		Actor actor = CurrentActor.require();
		List<FieldError> p = new ArrayList<>();
		BallotChoice c = ConsultationChecks.choice(BallotChoice.class, choice, "choice", true, p);
		fieldErrors.failIfAny(p);
		if (!t.voteOpen()) {
			throw fieldErrors.conflict("consultation.vote.closed");
		}
		if (t.secret()) {
			if (repository.hasVoted(id, actor.name())) {
				throw fieldErrors.conflict("consultation.vote.secret-final");
			}
			try {
				repository.castSecret(id, actor.name(), c);
			}
			catch (DuplicateKeyException e) {
				throw fieldErrors.conflict("consultation.vote.secret-final");
			}
		}
		else {
			repository.castOpen(id, actor.name(), c);
		}
		return repository.find(id).orElseThrow();
	}

	/** Closes the vote and counts it as a sitting of the current stage; the ballots are then cleared. */
	public Topic close(long id, String minutes, String decision) {
		Topic t = scope.managed(id);
		if (!t.voteOpen()) {
			throw fieldErrors.conflict("consultation.vote.closed");
		}
		Stage stage = current(t);
		Procedure procedure = repository.procedure(id, t.procedureCode());
		StageRule rule = procedure.stages().get(stage.seq());
		TopicDetail.Ballots b = repository.ballots(id);
		int eligible = eligible(t);
		List<FieldError> p = new ArrayList<>(ProcedureRules.checkOnline(eligible, (int) b.votesFor(),
				(int) b.votesAgainst(), (int) b.votesAbstain()));
		String m = ConsultationChecks.text(minutes, "minutes", false, 4000, p);
		String d = ConsultationChecks.text(decision, "decision", false, 2000, p);
		fieldErrors.failIfAny(p);
		ProcedureRules.Tally tally = new ProcedureRules.Tally(eligible, (int) b.voters(), (int) b.votesFor(),
				(int) b.votesAgainst(), (int) b.votesAbstain());
		ProcedureRules.Outcome outcome = ProcedureRules.evaluate(rule, tally);
		if (outcome.passed() && StageRecording.lastDeciding(procedure, stage.seq()) && d == null) {
			fieldErrors.failIfAny(List.of(new FieldError("decision", "consultation.sitting.decision-required")));
		}
		if (!repository.setVoteOpen(id, false)) {
			throw fieldErrors.conflict("consultation.vote.closed");
		}
		stages.hold(t, stage, rule, tally, outcome, true, m, d, Instant.now());
		repository.clearBallots(id);
		return repository.find(id).orElseThrow();
	}

	/** The stage a vote is for: the first not passed, which must vote. */
	private Stage current(Topic t) {
		if (t.status() != TopicStatus.FIXED) {
			throw fieldErrors.conflict("consultation.topic.not-fixed");
		}
		List<Stage> all = repository.stages(t.id());
		int seq = ProcedureRules.current(all.stream().map(Stage::status).toList());
		Procedure procedure = repository.procedure(t.id(), t.procedureCode());
		if (seq < 0 || !procedure.stages().get(seq).votes()) {
			throw fieldErrors.conflict("consultation.vote.no-voting-stage");
		}
		return all.get(seq);
	}

	/** The active residents of the topic's community. */
	int eligible(Topic t) {
		String code = territories.lookup(t.communityId()).orElseThrow().code();
		return (int) residents.count(new ResidentQuery(null, null, code, null, ResidentStatus.ACTIVE, 0, 1));
	}
}

package org.jinlin.consultation.internal;

import java.util.ArrayList;
import java.util.List;

import org.jinlin.shared.web.FieldErrors.FieldError;

/**
 * The rules of holding a procedure's stages, in plain Java: the figures of a sitting must add up (present not above
 * expected, votes not above those present, and for an online vote not above the eligible voters), a stage whose
 * quorum fails cannot pass (it may be held again), stages go in order, a passed stage is not held again, and
 * nothing is published before every deciding stage has passed.
 */
public final class ProcedureRules {

	static final int MAX_COUNT = 1_000_000;

	private ProcedureRules() {
	}

	/** What one sitting of a stage recorded: 应到, 实到 and the votes (null when the stage does not vote). */
	public record Tally(Integer expected, Integer present, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {

		public int votesCast() {
			return zero(votesFor) + zero(votesAgainst) + zero(votesAbstain);
		}

		private static int zero(Integer v) {
			return v == null ? 0 : v;
		}
	}

	/** Whether the quorum was met and whether the stage passed. */
	public record Outcome(boolean quorumMet, boolean passed) {
	}

	/** Where a stage stands: not held yet, passed, or held and failed (it may be held again). */
	public enum StageStatus {
		PENDING, PASSED, FAILED
	}

	/** The problems with a sitting's figures (message codes by field); empty when they add up. */
	public static List<FieldError> check(StageRule rule, Tally t) {
		List<FieldError> p = new ArrayList<>();
		if (rule.kind().publication()) {
			return p;
		}
		boolean countsOk = count(t.expected(), "expected", p) & count(t.present(), "present", p);
		if (countsOk && t.expected() < 1) {
			p.add(new FieldError("expected", "consultation.stage.expected-positive"));
		}
		if (countsOk && t.present() > t.expected()) {
			p.add(new FieldError("present", "consultation.stage.present-exceeds-expected"));
		}
		if (rule.votes()) {
			boolean votesOk = count(t.votesFor(), "votesFor", p) & count(t.votesAgainst(), "votesAgainst", p)
					& count(t.votesAbstain(), "votesAbstain", p);
			if (votesOk && countsOk && t.votesCast() > t.present()) {
				p.add(new FieldError("votesFor", "consultation.stage.votes-exceed-present"));
			}
		}
		else if (t.votesCast() > 0) {
			p.add(new FieldError("votesFor", "consultation.stage.no-vote"));
		}
		return p;
	}

	/**
	 * An online vote's figures: ballots cast by at most the eligible voters. {@code eligible} is 应到, the ballots
	 * counted are 实到 and the votes.
	 */
	public static List<FieldError> checkOnline(int eligible, int forVotes, int against, int abstain) {
		Tally t = new Tally(eligible, forVotes + against + abstain, forVotes, against, abstain);
		List<FieldError> p = new ArrayList<>();
		if (eligible < 1) {
			p.add(new FieldError("expected", "consultation.stage.expected-positive"));
		}
		else if (t.votesCast() > eligible) {
			p.add(new FieldError("votesFor", "consultation.stage.votes-exceed-eligible"));
		}
		return p;
	}

	/** The outcome of a sitting whose figures {@link #check} accepted. */
	public static Outcome evaluate(StageRule rule, Tally t) {
		if (rule.kind().publication()) {
			return new Outcome(true, true);
		}
		boolean quorum = rule.quorum().met(t.present(), t.expected());
		if (!quorum) {
			return new Outcome(false, false);
		}
		if (!rule.votes()) {
			return new Outcome(true, true);
		}
		int base = rule.passOfExpected() ? t.expected() : t.present();
		return new Outcome(true, rule.pass().met(t.votesFor(), base));
	}

	/**
	 * Why stage {@code index} of the procedure may not be held now given the stages' statuses, as a message code;
	 * null when it may. Publication needs every deciding stage passed; any stage needs every earlier one passed.
	 */
	public static String refusal(Procedure procedure, List<StageStatus> statuses, int index) {
		if (index < 0 || index >= procedure.stages().size()) {
			return "consultation.stage.unknown";
		}
		if (statuses.get(index) == StageStatus.PASSED) {
			return "consultation.stage.already-passed";
		}
		StageRule rule = procedure.stages().get(index);
		if (rule.kind().publication()) {
			for (int i = 0; i < procedure.stages().size(); i++) {
				if (!procedure.stages().get(i).kind().publication() && statuses.get(i) != StageStatus.PASSED) {
					return "consultation.stage.publish-before-decision";
				}
			}
		}
		for (int i = 0; i < index; i++) {
			if (statuses.get(i) != StageStatus.PASSED) {
				return "consultation.stage.out-of-order";
			}
		}
		return null;
	}

	/** The first stage not yet passed, or -1 when all passed. */
	public static int current(List<StageStatus> statuses) {
		for (int i = 0; i < statuses.size(); i++) {
			if (statuses.get(i) != StageStatus.PASSED) {
				return i;
			}
		}
		return -1;
	}

	private static boolean count(Integer v, String field, List<FieldError> p) {
		if (v == null) {
			p.add(new FieldError(field, "consultation.stage.count-required"));
			return false;
		}
		if (v < 0 || v > MAX_COUNT) {
			p.add(new FieldError(field, "consultation.stage.count-range", MAX_COUNT));
			return false;
		}
		return true;
	}
}

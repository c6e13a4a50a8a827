package org.jinlin.consultation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A topic with everything its page shows: participants, stages with their sittings, progress, the ratings tally,
 * the ballots counted so far (staff only, and only counts), and the caller's own part (supported, voted, her open
 * ballot's choice — never a secret one's, rated).
 */
public record TopicDetail(Topic topic, List<Participant> participants, List<Stage> stages, List<Progress> progress,
		Map<FollowUpRating, Long> ratings, Ballots ballots, Mine mine) {

	/** A participant; {@code account} when she has one in Jinlin (she is invited in-app), else null. */
	public record Participant(long id, ConsultationParticipantKind kind, String name, String role, String account) {
	}

	public record Stage(long id, int seq, StageKind kind, String quorumRule, String passRule,
			ProcedureRules.StageStatus status, List<Sitting> sittings) {
	}

	public record Sitting(long id, Instant heldAt, int expected, int present, int votesFor, int votesAgainst,
			int votesAbstain, boolean quorumMet, boolean passed, boolean online, String minutes, String decision,
			String recordedBy) {
	}

	public record Progress(long id, Instant at, String note, String evidence, String recordedBy) {
	}

	/** Counts of the online ballots cast so far (null for residents while the vote is open). */
	public record Ballots(long voters, long votesFor, long votesAgainst, long votesAbstain) {
	}

	public record Mine(boolean supported, boolean voted, BallotChoice choice, FollowUpRating rating, boolean canVote,
			boolean canRate) {
	}
}

package org.jinlin.consultation.internal;

/**
 * One stage of a procedure: its kind, the quorum (present of expected) and, for a stage that votes, the share of
 * votes for that passes it, counted of those present ({@code passOfExpected} false) or of all expected. A stage
 * without {@code pass} is recorded, not voted (a proposal, a publication).
 */
public record StageRule(StageKind kind, Threshold quorum, Threshold pass, boolean passOfExpected) {

	public static StageRule voting(StageKind kind, Threshold quorum, Threshold pass) {
		return new StageRule(kind, quorum, pass, false);
	}

	public static StageRule recorded(StageKind kind) {
		return new StageRule(kind, Threshold.NONE, null, false);
	}

	public boolean votes() {
		return pass != null;
	}
}

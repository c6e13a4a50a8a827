package org.jinlin.consultation.internal;

import java.time.Instant;

/** A sitting of a stage as staff enter it from the meeting and its paper ballots. */
public record SittingDraft(Instant heldAt, Integer expected, Integer present, Integer votesFor, Integer votesAgainst,
		Integer votesAbstain, String minutes, String decision) {
}

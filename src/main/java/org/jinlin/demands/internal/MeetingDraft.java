package org.jinlin.demands.internal;

import java.time.Instant;

/** A consultation meeting (议事会) on a public matter, as recorded by community staff. */
public record MeetingDraft(Instant heldAt, String place, String agenda, Integer expectedParticipants,
		Integer presentParticipants, String decision, Integer votesFor, Integer votesAgainst, Integer votesAbstain) {
}

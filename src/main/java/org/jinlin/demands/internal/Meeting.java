package org.jinlin.demands.internal;

import java.time.Instant;

/** A recorded consultation meeting; {@code publishedAt} is set when its decision is made public. */
public record Meeting(long id, long demandId, Instant heldAt, String place, String agenda, int expectedParticipants,
		int presentParticipants, String decision, int votesFor, int votesAgainst, int votesAbstain, String recordedBy,
		Instant publishedAt) {
}

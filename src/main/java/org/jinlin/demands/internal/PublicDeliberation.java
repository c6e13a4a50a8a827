package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

/**
 * The deliberation of a public matter as anyone may see it: no account names; residents' names masked,
 * staff comments unnamed ({@code displayName} null); only meetings whose decision was published.
 */
public record PublicDeliberation(long demandId, long support, long oppose, List<Deliberation.Comment> comments,
		List<PublishedMeeting> meetings) {

	/** A consultation meeting whose decision was published. */
	public record PublishedMeeting(Instant heldAt, String place, String agenda, int expectedParticipants,
			int presentParticipants, String decision, int votesFor, int votesAgainst, int votesAbstain,
			Instant publishedAt) {
	}
}

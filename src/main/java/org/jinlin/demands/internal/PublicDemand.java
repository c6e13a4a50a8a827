package org.jinlin.demands.internal;

import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.Rating;

import java.time.Instant;
import java.util.List;

/**
 * A demand as the public board and Open311 show it: no names (unless the resident chose to show a
 * masked one), no phones, no ID numbers, no rooms; phone and ID numbers typed into the description
 * are blanked. {@code mediaUrl} is the link an Open311 client sent (shown as a link, never fetched).
 */
public record PublicDemand(long id, String token, String categoryCode, String categoryName, String description,
		DemandStatus status, String place, String communityName, Long communityId, Double latitude, Double longitude,
		String raiserLabel, String handlerName, boolean publicMatter, Instant raisedAt, Instant updatedAt,
		Instant resolvedAt, Outcome outcome, Rating rating, Instant expectedBy, List<PhotoRef> photos,
		List<PublicStep> timeline, String mediaUrl) {

	/** One public step of the timeline. */
	public record PublicStep(Instant at, StepKind kind, DemandStatus toStatus, String note, String unitName) {
	}
}

package org.jinlin.demands.internal;

import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;
import org.jinlin.demands.Urgency;

import java.time.Instant;
import java.util.Map;

/** One demand as staff and its raiser see it; contact details masked. */
public record DemandView(long id, String token, String categoryCode, String categoryName, String description,
		DemandStatus status, Urgency urgency, RaiseChannel channel, long locationNodeId, String territoryPath,
		Long gridId, Long communityId, long streetId, long districtId, String addressLabel, Double latitude,
		Double longitude, Long residentId, String raisedBy, String raiserDisplay, String contactPhoneMasked,
		boolean showNamePublicly, HandlingLevel handlerLevel, Long handlerNodeId, Long handlerDepartmentId,
		String handlerName, String assignee, int escalationCount, Long escalatedNodeId, Instant signDueAt,
		Instant handleDueAt, Instant evaluateUntil, Instant raisedAt, Instant signedAt, Boolean signedOnTime,
		Instant resolvedAt, Boolean resolvedOnTime, Outcome outcome, Instant closedAt, Rating rating, int reworkCount,
		boolean supervised, boolean publicMatter, Long mergedIntoId, int version, Map<String, String> attributes) {

	/** Past its current deadline: not signed for in time, or not handled in time. */
	public boolean overdue(Instant now) {
		return switch (status) {
			case DISPATCHED -> signDueAt != null && now.isAfter(signDueAt);
			case IN_PROGRESS -> handleDueAt != null && now.isAfter(handleDueAt);
			default -> false;
		};
	}

	public boolean isOverdue() {
		return overdue(Instant.now());
	}
}

package org.jinlin.alarms.internal;

import java.time.Instant;
import java.util.List;

import org.jinlin.alarms.AlarmChannel;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.alarms.DutyRole;

/**
 * One alarm as the desk and the API show it. {@code responder} is the display name of whoever acknowledged it
 * (or, before that, who is being asked). No health data: that is in the elder's protocol, shown only on the desk.
 */
public record AlarmView(long id, AlarmStatus status, AlarmKind kind, AlarmChannel channel, long elderId,
		long communityId, String deviceId, int escalationLevel, String responder, String responderUsername,
		String askedNow, Instant occurredAt, Instant raisedAt, Instant notifiedAt, Instant acknowledgedAt,
		Instant enRouteAt, Instant arrivedAt, Instant resolvedAt, boolean arrivalOverdue, int presses,
		AlarmOutcome outcome, String outcomeNote, List<AlarmStep> timeline, List<DispatchStage> chain) {

	/** One stage of the dispatch chain. */
	public record DispatchStage(int stage, String username, String name, DutyRole role, Integer distanceMetres,
			Instant notifiedAt) {
	}
}

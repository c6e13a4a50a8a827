package org.jinlin.circle.network;

import java.time.OffsetDateTime;

/**
 * A background replacement of the walking network: an uploaded extract read, built into a graph, checked, and only
 * then activated (the old network serves until that moment). Stages in order: {@code RECEIVED}, {@code READING},
 * {@code BUILDING}, {@code CHECKING} (the connected network and snapping), {@code ACTIVATING},
 * {@code COVERAGE_QUEUED}.
 *
 * @param state QUEUED, RUNNING, DONE (the new network is active) or FAILED (the old one still is)
 * @param percent 0..100, 100 once finished
 * @param outcome when finished: ACTIVATED, NO_STREETS, UNREADABLE or FAILED
 * @param message the outcome in the reader's language
 * @param networkId the network it activated
 * @param statusUrl where to follow it: {@code GET /api/v1/circle/network/jobs/{id}}
 */
public record NetworkJob(long id, String fileName, Long sizeBytes, String state, String stage, int percent,
		String outcome, String message, Long networkId, String requestedBy, OffsetDateTime requestedAt,
		OffsetDateTime finishedAt, String statusUrl) {

	public boolean finished() {
		return "DONE".equals(state) || "FAILED".equals(state);
	}

	public boolean succeeded() {
		return "DONE".equals(state);
	}
}

package org.jinlin.circle.coverage;

import java.time.OffsetDateTime;

/** A coverage run as the pages and API see it. {@code status}: QUEUED, RUNNING, DONE or FAILED. */
public record RunView(long id, String status, String reason, String requestedBy, OffsetDateTime requestedAt,
		OffsetDateTime startedAt, OffsetDateTime finishedAt, int progress, String stage, String networkName,
		Integer networkNodes, Integer networkEdges, int thresholdSeconds, int cutoffSeconds, double speedKmh,
		Integer facilities, Integer buildings, Integer communities, Long computeMs, String error) {

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}
}

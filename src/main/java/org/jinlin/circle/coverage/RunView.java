package org.jinlin.circle.coverage;

import java.time.OffsetDateTime;

/**
 * A coverage run as the pages and API see it. {@code status}: QUEUED, RUNNING, DONE or FAILED. {@code facilities}:
 * operating facilities placed on the walking network; {@code facilitiesOffNetwork}: those not on it (no street of the
 * connected network near them), which count for nothing. {@code elderSpeedKmh} and {@code elderStepsFactor}: the elder
 * profile the run also computed (null for runs from before walking profiles).
 */
public record RunView(long id, String status, String reason, String requestedBy, OffsetDateTime requestedAt,
		OffsetDateTime startedAt, OffsetDateTime finishedAt, int progress, String stage, String networkName,
		Integer networkNodes, Integer networkEdges, int thresholdSeconds, int cutoffSeconds, double speedKmh,
		Integer facilities, Integer buildings, Integer communities, Long computeMs, String error,
		Integer facilitiesOffNetwork, Double elderSpeedKmh, Double elderStepsFactor) {

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}
}

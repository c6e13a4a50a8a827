package org.jinlin.circle.coverage;

import java.time.OffsetDateTime;

/**
 * A coverage run as the pages and API see it. {@code status}: QUEUED, RUNNING, DONE or FAILED. {@code facilities}:
 * operating facilities placed on the walking network; {@code facilitiesOffNetwork}: those not on it (no street of the
 * connected network near them), which count for nothing. {@code elderSpeedKmh} and {@code elderStepsFactor}: the elder
 * profile the run also computed (null for runs from before walking profiles). {@code revision}: how many times its figures
 * were brought up to date after a facility change without a full run (0: as computed); {@code revisedAt},
 * {@code revisedAction} (ADDED, MOVED or CLOSED), {@code revisedFacility} and {@code revisedBuildings} (buildings whose
 * walks changed) describe the last such update.
 */
public record RunView(long id, String status, String reason, String requestedBy, OffsetDateTime requestedAt,
		OffsetDateTime startedAt, OffsetDateTime finishedAt, int progress, String stage, String networkName,
		Integer networkNodes, Integer networkEdges, int thresholdSeconds, int cutoffSeconds, double speedKmh,
		Integer facilities, Integer buildings, Integer communities, Long computeMs, String error,
		Integer facilitiesOffNetwork, Double elderSpeedKmh, Double elderStepsFactor, int revision,
		OffsetDateTime revisedAt, String revisedAction, String revisedFacility, Integer revisedBuildings) {

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}
}

package org.jinlin.demands;

/**
 * A demand was raised with an answer that puts life or safety at risk (电梯故障 → 有人被困): the grid and the
 * community were told at once, and the alarm desk raises an alarm if the resident is a registered elder.
 * Ids and territory paths only, never personal data.
 *
 * @param communityId the community it is in; null while an Open311 address that matched no place waits at the
 *        street for a worker to locate it
 * @param residentId the resident it was raised by or for, null for a caller not in the register
 */
public record UrgentDemandRaised(long demandId, String categoryCode, String territoryPath, Long communityId,
		Long residentId, java.time.Instant at) {
}

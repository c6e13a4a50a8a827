package org.jinlin.demands.internal;

import org.jinlin.demands.DemandStatus;

import java.time.Instant;

/**
 * One step of a demand's timeline.
 *
 * @param publicNote what the public board may show (staff-written, no personal data)
 * @param note internal note, for staff only
 */
public record DemandStep(long id, Instant at, StepKind kind, String actor, DemandStatus fromStatus,
		DemandStatus toStatus, String publicNote, String note, String unitName) {
}

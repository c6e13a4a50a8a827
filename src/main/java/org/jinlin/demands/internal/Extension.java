package org.jinlin.demands.internal;

import java.time.Instant;

/** An extension request of a handling deadline and its decision. */
public record Extension(long id, String requestedBy, Instant requestedAt, int workingDays, String reason,
		String status, String decidedBy, Instant decidedAt) {
}

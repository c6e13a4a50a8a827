package org.jinlin.demands.internal;

import org.jinlin.demands.DemandStatus;

import java.time.Instant;

/**
 * Filters for searching demands in the caller's jurisdiction.
 *
 * @param community a territory code inside the jurisdiction to narrow to (any level)
 * @param from raised at or after
 * @param to raised before
 */
public record DemandSearch(String community, DemandStatus status, String category, Instant from, Instant to,
		Boolean overdue, int page, int size) {
}

package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

/**
 * Public filters (Open311 GET requests).
 *
 * @param open {@code true} for open, {@code false} for closed, {@code null} for both
 */
public record PublicSearch(List<Long> ids, List<String> categoryCodes, Instant from, Instant to, Boolean open,
		int page, int size) {
}

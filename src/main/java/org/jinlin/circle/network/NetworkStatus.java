package org.jinlin.circle.network;

import java.time.OffsetDateTime;

/**
 * The walking network in use.
 *
 * @param generated the street grid generated around the buildings, not real street data
 * @param nodes junctions of the walking graph ({@code null} until built on this instance)
 */
public record NetworkStatus(long id, boolean generated, String name, String sha256, Long sizeBytes, Integer nodes,
		Integer edges, OffsetDateTime createdAt, String createdBy, double speedKmh) {
}

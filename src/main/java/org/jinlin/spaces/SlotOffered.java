package org.jinlin.spaces;

import java.time.OffsetDateTime;

/** A freed slot was offered to the first person waiting for it, who may accept it until {@code expiresAt}. */
public record SlotOffered(long waitlistId, long zoneId, String username, OffsetDateTime start, OffsetDateTime end,
		OffsetDateTime expiresAt) {
}

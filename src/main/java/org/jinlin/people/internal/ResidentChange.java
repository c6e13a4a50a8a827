package org.jinlin.people.internal;

import org.jinlin.people.RegistrationChannel;

import java.time.Instant;
import java.util.List;

/** One entry of a resident's history: who, when, why and which fields (names only, no values). */
public record ResidentChange(long id, long residentId, Instant changedAt, String changedBy,
		ResidentChangeType changeType, RegistrationChannel channel, String reason, List<String> changedFields) {
}

package org.jinlin.people;

import java.util.List;

/** A resident was changed; {@code changedFields} names the fields, never their values. */
public record ResidentUpdated(long residentId, long communityId, List<String> changedFields, String by) {
}

package org.jinlin.people;

/** A resident record was voided (kept, but no longer active). */
public record ResidentVoided(long residentId, long communityId, String by) {
}

package org.jinlin.people;

/** A resident was registered (one at a time). Ids only, no personal data. */
public record ResidentRegistered(long residentId, long communityId, long householdId, String by) {
}

package org.jinlin.people;

/**
 * A resident record was identified as the person behind a sign-in account (by a bulk load that knows both,
 * {@link ResidentBulkLoad#linkToAccount}); the accounts module records the link so that account acts as this resident.
 * Carries ids and the user name only, never personal data.
 */
public record ResidentLinkedToAccount(long residentId, String username) {
}

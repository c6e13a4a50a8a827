package org.jinlin.audit.internal;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param actor user name, {@code apikey:<name>}, or for a failed sign-in the name that was tried
 * @param subjectType what the event is about ({@code ACCOUNT}, {@code API_KEY}, {@code RESIDENT})
 * @param subjectId its user name or id
 * @param territoryPath territory the event belongs to, used for scoping
 * @param detail free text without personal data
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String subjectType,
		String subjectId, String territoryPath, String remoteAddress, String detail) {
}

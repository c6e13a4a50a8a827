package org.jinlin.audit.internal;

import java.time.LocalDate;

/**
 * Filters of the audit log; every field is optional.
 *
 * @param actor exact user name (or {@code apikey:<name>})
 * @param from first day, inclusive (time zone Asia/Shanghai)
 * @param to last day, inclusive
 */
public record AuditQuery(AuditAction action, String actor, LocalDate from, LocalDate to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null);
	}
}

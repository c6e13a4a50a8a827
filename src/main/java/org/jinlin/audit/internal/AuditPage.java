package org.jinlin.audit.internal;

import java.util.List;

/** One page of audit entries, newest first. {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}

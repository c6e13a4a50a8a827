package org.jinlin.people;

import java.util.List;

/** One page of a register search. */
public record ResidentPage(List<ResidentRow> items, int page, int size, long total) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}

package org.jinlin.shared;

import java.util.List;

/**
 * One page of a list, as every paged answer of the API and every paged page has it: {@code items}, {@code page}
 * (from 0), {@code size} (asked for) and {@code total} (of the whole list). The methods serve the pager on pages.
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public static <T> Paged<T> empty(int page, int size) {
		return new Paged<>(List.of(), page, size, 0);
	}

	public int totalPages() {
		return size <= 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}

package org.jinlin.carefacilities;

import java.util.List;

/** One page of facilities. */
public record FacilityPage(List<CareFacility> items, long total, int page, int size) {

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}
}

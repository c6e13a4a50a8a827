package org.jinlin.carefacilities.internal;

import java.util.List;

import org.jinlin.carefacilities.CareFacility;

/** One page of facilities. */
public record CareFacilityPage(List<CareFacility> items, long total, int page, int size) {

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

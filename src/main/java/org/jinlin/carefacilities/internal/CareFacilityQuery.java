package org.jinlin.carefacilities.internal;

import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityStatus;

/**
 * Filters of the facility list; all optional.
 *
 * @param territory code of a node inside the caller's jurisdiction (default: the whole jurisdiction)
 * @param q text found in the name, address or operator
 */
public record CareFacilityQuery(FacilityKind kind, String territory, String q, FacilityStatus status, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public CareFacilityQuery {
		page = Math.max(0, page);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, 200);
	}
}

package org.jinlin.carefacilities;

/**
 * Filters of the facility list; all optional.
 *
 * @param territory code of a node inside the caller's jurisdiction (default: the whole jurisdiction)
 * @param q text found in the name, address or operator
 */
public record FacilityQuery(FacilityKind kind, String territory, String q, FacilityStatus status, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public FacilityQuery {
		page = Math.max(0, page);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, 200);
	}
}

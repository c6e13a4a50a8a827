package org.jinlin.circle.facilities;

/**
 * Published (inside the changing transaction) whenever the set or position of facilities the coverage
 * uses changes: a facility created, moved, closed or removed, an import, a category's required flag.
 *
 * @param facilityKey the one facility created, edited (moved, reopened), closed or deleted ({@code circle:<id>}, as
 * {@link PlacedFacility#key()}), which the coverage brings up to date incrementally; null for any other change (an
 * import, a bulk load, a category), which needs a full run
 */
public record FacilitiesChanged(String reason, String facilityKey) {

	public FacilitiesChanged(String reason) {
		this(reason, null);
	}

	public boolean oneFacility() {
		return facilityKey != null;
	}
}

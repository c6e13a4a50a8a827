package org.jinlin.circle.facilities;

/**
 * A facility as the API, the form and the importers send it. Coordinates are in {@code coordinateSystem}
 * (WGS84, GCJ02 or BD09; blank means WGS84) and stored converted to WGS-84. Without {@code territoryCode} the
 * facility is placed in the community nearest its location.
 *
 * @param status OPERATING (default) or CLOSED
 * @param version the version read, for updates
 */
record CircleFacilityDraft(String name, String category, String address, Double latitude, Double longitude,
		String coordinateSystem, String territoryCode, String operator, String phone, String openingHours, String status,
		Integer version) {
}

package org.jinlin.circle.facilities;

import java.time.OffsetDateTime;

/**
 * A registry facility as the API and pages show it. Latitude and longitude are WGS-84; {@code coordinateSystem},
 * {@code enteredLatitude} and {@code enteredLongitude} are what was entered. In lists the phone is masked. From
 * OpenStreetMap: {@code osmType} ({@code node}, {@code way} for an area, {@code relation} for a multipolygon) and
 * {@code osmId}.
 */
record CircleFacilityView(long id, String name, String category, String categoryName, String address, Double latitude,
		Double longitude, CoordinateSystem coordinateSystem, Double enteredLatitude, Double enteredLongitude,
		long territoryId, String territoryCode, String territoryName, String operator, String phone, String openingHours,
		String status, String source, Long osmId, String osmType, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
		String updatedBy, int version) {

	boolean hasLocation() {
		return latitude != null && longitude != null;
	}
}

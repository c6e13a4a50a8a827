package org.jinlin.carefacilities;

import java.util.Optional;

/** Services a facility offers (the usual "助餐、助洁、助浴、助医…" of home-based care). */
public enum FacilityService {
	MEALS, DAY_CARE, HOME_CARE, BATHING, CLEANING, MEDICAL, REHABILITATION, RESPITE, NURSING, CULTURE, COMPANIONSHIP,
	EMERGENCY_HELP;

	public static Optional<FacilityService> parse(String s) {
		return Codes.parse(FacilityService.class, s);
	}
}

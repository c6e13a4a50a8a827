package org.jinlin.carefacilities;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Services a facility offers (the usual "助餐、助洁、助浴、助医…" of home-based care). */
public enum FacilityService {
	MEALS, DAY_CARE, HOME_CARE, BATHING, CLEANING, MEDICAL, REHABILITATION, RESPITE, NURSING, CULTURE, COMPANIONSHIP,
	EMERGENCY_HELP;

	public static Optional<FacilityService> parse(String s) {
		if (s == null || s.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The stored form: codes in declaration order, comma-separated. */
	static String encode(Collection<FacilityService> services) {
		if (services == null || services.isEmpty()) {
			return "";
		}
		return EnumSet.copyOf(services).stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<FacilityService> decode(String stored) {
		if (stored == null || stored.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(stored.split(",")).map(String::trim).map(FacilityService::parse).flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(FacilityService.class)));
	}
}

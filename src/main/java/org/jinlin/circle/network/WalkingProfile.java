package org.jinlin.circle.network;

/**
 * Whose walk the circle is measured for. {@code STANDARD}: the configured pace ({@code jinlin.circle.walking-speed-kmh},
 * 4 km/h) on every walkable way. {@code ELDER}: an older pedestrian's pace ({@code jinlin.circle.elder.walking-speed-kmh},
 * default 3 km/h), and a flight of steps ({@code highway=steps}) walked at a fraction of it
 * ({@code jinlin.circle.elder.steps-factor}, default 3: steps take three times as long per metre as level ground).
 */
public enum WalkingProfile {

	STANDARD, ELDER;

	/** The profile named in a request parameter (any case); {@code null} or blank is STANDARD, anything else null. */
	public static WalkingProfile parse(String text) {
		if (text == null || text.isBlank()) {
			return STANDARD;
		}
		for (WalkingProfile p : values()) {
			if (p.name().equalsIgnoreCase(text.strip())) {
				return p;
			}
		}
		return null;
	}
}

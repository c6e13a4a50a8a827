package org.jinlin.spaces.internal;

import java.time.ZoneId;

/** The spaces' local time zone: opening hours, days, weeks and months are counted in Fuzhou time. */
public final class SpaceTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private SpaceTime() {
	}

	/** Whether a time lies in the years bookings can be about (2000–2199): anything else is a typing error. */
	public static boolean plausible(java.time.OffsetDateTime t) {
		return t == null || t.getYear() >= 2000 && t.getYear() < 2200;
	}

	/** A day in the plausible years, else 400. */
	public static java.time.LocalDate plausible(java.time.LocalDate d) {
		if (d.getYear() < 2000 || d.getYear() >= 2200) {
			throw new IllegalArgumentException("No such day in the calendar of the spaces: " + d);
		}
		return d;
	}
}

package org.jinlin.spaces.internal;

import java.time.ZoneId;

/** The spaces' local time zone: opening hours, days, weeks and months are counted in Fuzhou time. */
public final class SpaceTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private SpaceTime() {
	}
}

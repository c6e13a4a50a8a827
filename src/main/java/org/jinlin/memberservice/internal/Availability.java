package org.jinlin.memberservice.internal;

import java.util.Arrays;
import java.util.Optional;

/** When a registered member or unit can serve. */
public enum Availability {
	WEEKDAY_EVENINGS, WEEKENDS, WEEKDAYS, HOLIDAYS, ANY_TIME;

	public static Optional<Availability> parse(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.trim())).findFirst();
	}
}

package org.jinlin.carefacilities;

import java.util.Locale;
import java.util.Optional;

/** Reading the codes of the module's enums as people and files write them (any case, blanks around). */
final class Codes {

	private Codes() {
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s) {
		if (s == null || s.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}

package org.jinlin.spaces;

import java.util.List;

/**
 * A neighbourhood space and its zones as other modules and {@code GET /api/v1/spaces} see them (the keys are a
 * contract: {@code id}, {@code name}, {@code zones} of {@code {id, name, kind}}).
 */
public record Space(long id, String name, List<Zone> zones) {

	public Space {
		zones = List.copyOf(zones);
	}

	/** A bookable zone of a space. */
	public record Zone(long id, String name, ZoneKind kind) {
	}
}

package org.jinlin.spaces.internal;

/** A zone as a form or the API sends it, before validation. */
public record ZoneDraft(String name, String kind, Integer capacity, String equipment, String photoUrl,
		Integer position) {
}

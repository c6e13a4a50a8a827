package org.jinlin.meals.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jinlin.meals.DietNeed;

/**
 * A diner's diet needs and allergies as one text (what is encrypted at rest): the need codes, comma-separated,
 * a line break, the allergies. Plain Java.
 */
public record Diets(Set<DietNeed> needs, String allergies) {

	/** The code a list shows for a diner with allergies. */
	public static final String ALLERGIES = "ALLERGIES";

	public Diets {
		needs = needs == null || needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
		allergies = allergies == null || allergies.isBlank() ? null : allergies.strip();
	}

	public String encode() {
		StringBuilder s = new StringBuilder();
		for (DietNeed n : DietNeed.values()) {
			if (needs.contains(n)) {
				s.append(s.isEmpty() ? "" : ",").append(n.name());
			}
		}
		return s.append('\n').append(allergies == null ? "" : allergies).toString();
	}

	public static Diets decode(String text) {
		if (text == null || text.isEmpty()) {
			return new Diets(Set.of(), null);
		}
		int nl = text.indexOf('\n');
		String codes = nl < 0 ? text : text.substring(0, nl);
		Set<DietNeed> needs = EnumSet.noneOf(DietNeed.class);
		for (String c : codes.split(",")) {
			for (DietNeed n : DietNeed.values()) {
				if (n.name().equals(c.strip())) {
					needs.add(n);
				}
			}
		}
		return new Diets(needs, nl < 0 ? null : text.substring(nl + 1));
	}

	/** The codes a list shows: the needs in order, then {@code ALLERGIES} if she has any. */
	public List<String> codes() {
		List<String> codes = new ArrayList<>();
		for (DietNeed n : DietNeed.values()) {
			if (needs.contains(n)) {
				codes.add(n.name());
			}
		}
		if (allergies != null) {
			codes.add(ALLERGIES);
		}
		return codes;
	}
}

package org.jinlin.circle.facilities;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jinlin.carefacilities.FacilityKind;

/**
 * A category as the catalogue stores it: the contract's {@link FacilityCategory} plus where its facilities come
 * from and how OpenStreetMap tags them.
 *
 * @param osmTags {@code key=value} pairs separated by {@code ;}, e.g. {@code shop=convenience;shop=kiosk}
 * @param source {@code REGISTRY} (entered here) or {@code CARE_FACILITIES} (read from the care-facility network)
 * @param careKinds for {@code CARE_FACILITIES}: the care facility kinds that count
 */
record CategoryDefinition(String code, String nameZh, String nameEn, boolean basic, boolean required, int sortOrder,
		String osmTags, Source source, List<FacilityKind> careKinds, OffsetDateTime updatedAt, String updatedBy,
		int version) {

	enum Source {
		REGISTRY, CARE_FACILITIES
	}

	/** One {@code key=value} of an OSM mapping. */
	record OsmTag(String key, String value) {

		boolean matches(Map<String, Object> tags) {
			Object v = tags.get(key);
			return v != null && value.equals(v.toString());
		}
	}

	FacilityCategory category() {
		return new FacilityCategory(code, nameZh, nameEn, basic, required, sortOrder);
	}

	public String name(java.util.Locale locale) {
		return category().name(locale);
	}

	public boolean fromCareFacilities() {
		return source == Source.CARE_FACILITIES;
	}

	List<OsmTag> osmTagList() {
		return parseTags(osmTags);
	}

	/** Parses {@code key=value;key=value}; returns null when a part is malformed. */
	static List<OsmTag> parseTags(String text) {
		List<OsmTag> list = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return list;
		}
		for (String part : text.split("[;；\\n]")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			int eq = p.indexOf('=');
			if (eq <= 0 || eq == p.length() - 1) {
				return null;
			}
			list.add(new OsmTag(p.substring(0, eq).strip(), p.substring(eq + 1).strip()));
		}
		return list;
	}

	static List<FacilityKind> parseKinds(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,，;、\\s]+")).filter(s -> !s.isBlank())
			.map(s -> FacilityKind.parse(s).orElse(null)).toList();
	}
}

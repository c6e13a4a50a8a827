package org.jinlin.people;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The whitelist of tags a resident may carry. */
public enum ResidentTag {
	/** 独居 */
	LIVING_ALONE,
	/** 空巢 */
	EMPTY_NEST,
	/** 残疾 */
	DISABLED,
	/** 低保 */
	LOW_INCOME,
	/** 党员 */
	PARTY_MEMBER,
	/** 退役军人 */
	VETERAN,
	/** 特困 */
	SPECIAL_HARDSHIP,
	/** 留守儿童 */
	LEFT_BEHIND_CHILD;

	/** The tag with this name (case-insensitive, trimmed), if it is on the whitelist. */
	public static Optional<ResidentTag> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.trim().toUpperCase(Locale.ROOT);
		for (ResidentTag t : values()) {
			if (t.name().equals(c)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

	/** Parses the stored comma list; unknown entries are ignored. */
	public static Set<ResidentTag> parseStored(String csv) {
		Set<ResidentTag> tags = EnumSet.noneOf(ResidentTag.class);
		if (csv != null) {
			for (String s : csv.split(",")) {
				fromCode(s).ifPresent(tags::add);
			}
		}
		return tags;
	}

	/** The stored form: sorted comma list of names. */
	public static String toStored(Set<ResidentTag> tags) {
		if (tags == null || tags.isEmpty()) {
			return "";
		}
		return EnumSet.copyOf(tags).stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
	}
}

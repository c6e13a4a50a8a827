package org.jinlin.party;

/** Kinds of party organisation. */
public enum OrgKind {
	/** 社区党委: one per community, the root of the community's tree. */
	COMMUNITY_COMMITTEE,
	/** 小区党支部: covers one or more compounds. */
	COMPOUND_BRANCH,
	/** 楼栋党小组: a group under a compound branch, for a building. */
	BUILDING_GROUP,
	/** 楼宇党组织: an office building's organisation. */
	BUILDING_ORG,
	/** 商圈党组织: a business district's organisation. */
	BUSINESS_DISTRICT_ORG;

	/** The kind a text names exactly, empty for blank or unknown text. */
	public static java.util.Optional<OrgKind> parse(String s) {
		if (s == null || s.isBlank()) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(valueOf(s.trim()));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}

package org.jinlin.territory;

/**
 * One node of the administrative tree as other modules see it.
 *
 * @param path materialized path of ids from the root, e.g. {@code /1/4/17/}
 * @param rural county/town/village rather than district/street/community
 */
public record TerritoryNode(long id, Long parentId, TerritoryLevel level, boolean rural, String code, String name,
		String path, Double latitude, Double longitude, Long population, Long elderlyPopulation) {

	/** Ids from the root down to this node, inclusive. */
	public java.util.List<Long> ancestorIds() {
		return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
	}
}

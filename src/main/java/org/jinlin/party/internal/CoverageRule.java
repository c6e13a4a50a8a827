package org.jinlin.party.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coverage rule: of the compounds (territory nodes of level COMPOUND) under a node, the share that at least one
 * compound branch covers. A compound counts once however many branches cover it; covered compounds outside the node
 * do not count. The rate is a number from 0 to 1 with four decimals (half up), {@code null} when the node has no
 * compounds. Per child node of the node, the same figures for the compounds under that child.
 */
final class CoverageRule {

	private CoverageRule() {
	}

	/** A compound: its id and materialized path. */
	record Compound(long id, String path) {
	}

	/** Figures for one node. */
	record Figure(long compounds, long covered) {

		BigDecimal rate() {
			return compounds == 0 ? null
					: BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(compounds), 4, RoundingMode.HALF_UP);
		}

		long uncovered() {
			return compounds - covered;
		}
	}

	static Figure figure(String nodePath, Collection<Compound> compounds, Set<Long> coveredIds) {
		long total = 0;
		long covered = 0;
		for (Compound c : compounds) {
			if (c.path().startsWith(nodePath)) {
				total++;
				if (coveredIds.contains(c.id())) {
					covered++;
				}
			}
		}
		return new Figure(total, covered);
	}

	/**
	 * Figures per child of the node: the child is the path segment right after the node's path. Children without
	 * compounds are included with zero when listed in {@code childIds}, in that order.
	 */
	static Map<Long, Figure> byChild(String nodePath, List<Long> childIds, Collection<Compound> compounds,
			Set<Long> coveredIds) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		childIds.forEach(id -> counts.put(id, new long[2]));
		for (Compound c : compounds) {
			if (!c.path().startsWith(nodePath) || c.path().length() <= nodePath.length()) {
				continue;
			}
			String rest = c.path().substring(nodePath.length());
			int slash = rest.indexOf('/');
			if (slash <= 0) {
				continue;
			}
			long child = Long.parseLong(rest.substring(0, slash));
			long[] n = counts.computeIfAbsent(child, k -> new long[2]);
			n[0]++;
			if (coveredIds.contains(c.id())) {
				n[1]++;
			}
		}
		Map<Long, Figure> result = new LinkedHashMap<>();
		counts.forEach((id, n) -> result.put(id, new Figure(n[0], n[1])));
		return result;
	}

	static List<Long> uncovered(Collection<Compound> compounds, Set<Long> coveredIds) {
		List<Long> ids = new ArrayList<>();
		compounds.forEach(c -> {
			if (!coveredIds.contains(c.id())) {
				ids.add(c.id());
			}
		});
		return ids;
	}
}

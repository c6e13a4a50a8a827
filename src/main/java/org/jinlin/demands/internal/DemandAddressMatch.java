package org.jinlin.demands.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;

/**
 * Places an address typed as free text (Open311's {@code address_string}) in the territory tree: the community,
 * compound and building names it contains. A building counts only under a compound that is named too ("1号楼"
 * is in every compound); the node whose named ancestors cover most of the text wins, and a tie between two
 * different places is no match at all (a worker locates the request instead of a guess).
 */
final class DemandAddressMatch {

	/** The levels whose names a resident types: grids are an administrative device nobody writes in an address. */
	static final List<TerritoryLevel> LEVELS = List.of(TerritoryLevel.COMMUNITY, TerritoryLevel.COMPOUND,
			TerritoryLevel.BUILDING);

	private DemandAddressMatch() {
	}

	static Optional<TerritoryNode> best(String address, Collection<TerritoryNode> places) {
		String text = normalize(address);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, TerritoryNode> named = new HashMap<>();
		for (TerritoryNode n : places) {
			String name = normalize(n.name());
			if (name.length() >= 2 && LEVELS.contains(n.level()) && text.contains(name)) {
				named.put(n.id(), n);
			}
		}
		TerritoryNode best = null;
		int bestScore = 0;
		boolean tie = false;
		for (TerritoryNode n : named.values()) {
			if (n.level() == TerritoryLevel.BUILDING && (n.parentId() == null || !named.containsKey(n.parentId()))) {
				continue;
			}
			int score = 0;
			for (Long id : n.ancestorIds()) {
				TerritoryNode a = named.get(id);
				if (a != null) {
					score += normalize(a.name()).length();
				}
			}
			if (score > bestScore || score == bestScore && best != null && n.level().ordinal() > best.level().ordinal()) {
				best = n;
				bestScore = score;
				tie = false;
			}
			else if (score == bestScore && best != null && n.level() == best.level()) {
				tie = true;
			}
		}
		return tie ? Optional.empty() : Optional.ofNullable(best);
	}

	/** Without white space, in half-width forms (全角 "１号楼" is "1号楼"). */
	static String normalize(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(s.length());
		s.codePoints().forEach(c -> {
			if (c >= 0xFF01 && c <= 0xFF5E) {
				c -= 0xFEE0;
			}
			if (!Character.isWhitespace(c) && c != 0x3000) {
				b.appendCodePoint(c);
			}
		});
		return b.toString();
	}
}

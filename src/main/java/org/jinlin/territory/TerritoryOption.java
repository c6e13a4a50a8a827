package org.jinlin.territory;

/**
 * One entry of a territory choice list on a form or filter: the node's code and its name indented by level
 * (non-breaking spaces), so a flat {@code <select>} still shows the tree.
 */
public record TerritoryOption(String code, String label, TerritoryLevel level) {

	static TerritoryOption of(TerritoryNode node) {
		return new TerritoryOption(node.code(),
				"\u00a0\u00a0".repeat(Math.max(0, node.level().ordinal() - 1)) + node.name(), node.level());
	}
}

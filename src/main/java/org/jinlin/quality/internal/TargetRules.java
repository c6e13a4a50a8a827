package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.quality.internal.IndicatorDefinition.Direction;

/**
 * Targets and status (Spring-free). A target is set for an indicator, a year and a territory, or for the whole
 * platform (the city's plan); a territory without its own target inherits the nearest one above it.
 */
public final class TargetRules {

	/** How a figure stands against its target. */
	public enum Status {
		/** The figure meets its target. */
		MET,
		/** The figure falls short of its target. */
		NOT_MET,
		/** There is a figure but no target for it. */
		NO_TARGET,
		/** Nothing was counted: no figure, so neither met nor not met. */
		NO_DATA,
		/** The platform does not compute this indicator yet. */
		NOT_COMPUTED
	}

	/** A target and where it was set ({@code territoryCode} {@code null}: the platform-wide plan). */
	public record Target(BigDecimal value, String territoryCode) {
	}

	private TargetRules() {
	}

	/**
	 * The target that applies at a node: its own, else the nearest ancestor's, else the platform's.
	 *
	 * @param chain the node's territory codes from the root down to the node itself
	 * @param byTerritory the targets set for the indicator and year, by territory code ({@code null} key: platform)
	 */
	public static Optional<Target> applicable(List<String> chain, Map<String, BigDecimal> byTerritory) {
		for (int i = chain.size() - 1; i >= 0; i--) {
			BigDecimal v = byTerritory.get(chain.get(i));
			if (v != null) {
				return Optional.of(new Target(v, chain.get(i)));
			}
		}
		return Optional.ofNullable(byTerritory.get(null)).map(v -> new Target(v, null));
	}

	/** The status of a value (null when nothing was counted) against a target (null when none). */
	public static Status status(IndicatorDefinition definition, Double value, BigDecimal target) {
		if (!definition.computed()) {
			return Status.NOT_COMPUTED;
		}
		if (value == null) {
			return Status.NO_DATA;
		}
		if (target == null) {
			return Status.NO_TARGET;
		}
		int c = BigDecimal.valueOf(value).compareTo(target);
		boolean met = definition.direction() == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0;
		return met ? Status.MET : Status.NOT_MET;
	}
}

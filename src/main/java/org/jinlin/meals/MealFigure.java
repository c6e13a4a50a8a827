package org.jinlin.meals;

/**
 * A meal figure of a territory: {@code count} records (its drill-down's total) of which {@code met} meet it, and the
 * value: a count for the places, diners and meals, yuan for the subsidy, percent (one decimal) for the share of
 * elders living alone who are enrolled, meals per 1,000 elderly. {@code value} is {@code null} when there is
 * nothing to compute it from (no elder living alone, no subsidised meal, no elderly population), never 0 or 100%
 * for nothing.
 */
public record MealFigure(MealIndicator indicator, Double value, long count, long met) {

	/** Whether there is a value to show. */
	public boolean hasData() {
		return value != null;
	}
}

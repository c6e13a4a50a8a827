package org.jinlin.meals;

import java.util.Collection;

/**
 * The eligibility categories of a diner, read from the resident register (never typed again), in order of
 * precedence: 特困, 低保, disabled, living alone, ordinary.
 */
public enum DinerCategory {
	/** 特困 */
	SPECIAL_HARDSHIP,
	/** 低保 */
	LOW_INCOME,
	/** 残疾 */
	DISABLED,
	/** 独居 */
	LIVING_ALONE,
	/** Every other elder. */
	ORDINARY;

	/** The category shown for someone with these categories: the first in precedence, {@code ORDINARY} if none. */
	public static DinerCategory primary(Collection<DinerCategory> categories) {
		for (DinerCategory c : values()) {
			if (categories != null && categories.contains(c)) {
				return c;
			}
		}
		return ORDINARY;
	}
}

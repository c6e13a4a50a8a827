package org.jinlin.meals.internal;

import java.util.EnumSet;
import java.util.Set;

import org.jinlin.meals.DinerCategory;
import org.jinlin.people.ResidentTag;
import org.jinlin.people.ResidentView;

/**
 * A diner's eligibility as the resident register has it, never typed again: her birth date (the age band is
 * computed on the day of the meal) and her categories from the register's tags (特困, 低保, 残疾, 独居). Plain Java.
 */
public final class DinerEligibility {

	private DinerEligibility() {
	}

	public static Set<DinerCategory> categories(Set<ResidentTag> tags) {
		Set<DinerCategory> c = EnumSet.noneOf(DinerCategory.class);
		if (tags != null) {
			if (tags.contains(ResidentTag.SPECIAL_HARDSHIP)) {
				c.add(DinerCategory.SPECIAL_HARDSHIP);
			}
			if (tags.contains(ResidentTag.LOW_INCOME)) {
				c.add(DinerCategory.LOW_INCOME);
			}
			if (tags.contains(ResidentTag.DISABLED)) {
				c.add(DinerCategory.DISABLED);
			}
			if (tags.contains(ResidentTag.LIVING_ALONE)) {
				c.add(DinerCategory.LIVING_ALONE);
			}
		}
		return c;
	}

	public static SubsidyRules.Eligibility of(ResidentView resident) {
		return new SubsidyRules.Eligibility(resident.birthDate(), categories(resident.tags()));
	}

	/** The category a list shows. */
	public static DinerCategory primary(ResidentView resident) {
		return DinerCategory.primary(categories(resident.tags()));
	}
}

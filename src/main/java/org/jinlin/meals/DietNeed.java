package org.jinlin.meals;

/** A diner's diet needs (besides her allergies, kept as text): 糖尿病餐, 低盐, 软食, 碎食. */
public enum DietNeed {
	DIABETIC, LOW_SALT, SOFT, MINCED
}

package org.jinlin.meals;

/** The meals a place serves and elders order: 午餐, 晚餐. */
public enum MealTime {
	LUNCH, DINNER
}

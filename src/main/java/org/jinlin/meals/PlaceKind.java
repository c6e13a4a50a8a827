package org.jinlin.meals;

/** The places of the meal network: 中央厨房, 长者食堂 (a care-facility registry canteen), 助餐点. */
public enum PlaceKind {
	CENTRAL_KITCHEN, ELDER_CANTEEN, MEAL_POINT
}

package org.jinlin.meals.internal;

import java.time.LocalTime;

import org.jinlin.circle.TravelTimes;

/**
 * A meal to take to a door: the diner, where she lives, the window she expects it in and her diet (codes, for the
 * route sheet). Today the enrolled diners with home delivery, one meal each; orders feed the same list later.
 */
public record DeliveryStop(long dinerId, TravelTimes.Point location, Window window, String diet) {

	/** A delivery window. */
	public record Window(LocalTime from, LocalTime to) {
	}
}

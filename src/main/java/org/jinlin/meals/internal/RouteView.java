package org.jinlin.meals.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A courier's route: departure from the kitchen, riding minutes, and the stops in order. */
public record RouteView(long id, long placeId, LocalDate day, int courierNo, LocalTime departure, int travelMinutes,
		List<StopView> stops) {

	/**
	 * A stop: the diner (name masked), the address, the planned arrival and promised window, her diet codes, and what
	 * the courier marked ({@code DELIVERED}, {@code REFUSED}, {@code NOBODY_HOME}; {@code null} until then).
	 */
	public record StopView(int seq, long dinerId, String name, String address, LocalTime plannedArrival,
			LocalTime windowStart, LocalTime windowEnd, List<String> diets, String outcome) {
	}
}

package org.jinlin.meals.internal.routing;

/**
 * The fixed facts of a day's delivery: seconds between places ({@code [from][to]}, index 0 the kitchen, index i the
 * i-th stop), the couriers' departure from the kitchen (seconds of the day), the longest hot food may travel from the
 * kitchen to a door, and the time a handover at a door takes. Plain Java.
 */
public record Travel(int[][] seconds, int departure, int hotFoodSeconds, int serviceSeconds) {

	public int between(int from, int to) {
		return seconds[from][to];
	}
}

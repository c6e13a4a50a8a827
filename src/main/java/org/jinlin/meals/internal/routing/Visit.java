package org.jinlin.meals.internal.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * One door a meal goes to: its place in the travel matrix, its time window (seconds of the day) and the bags it takes.
 * The solver puts it on a courier's list; the arrival follows from the courier's departure and the visits before it
 * (waiting at a door until its window opens).
 */
@PlanningEntity
public class Visit {

	@PlanningId
	private Integer index;

	private int windowStart;

	private int windowEnd;

	private int bags;

	private Travel travel;

	@InverseRelationShadowVariable(sourceVariableName = "visits")
	private Courier courier;

	@PreviousElementShadowVariable(sourceVariableName = "visits")
	private Visit previous;

	@CascadingUpdateShadowVariable(targetMethodName = "updateArrival")
	private Integer arrival;

	public Visit() {
	}

	public Visit(int index, int windowStart, int windowEnd, int bags, Travel travel) {
		this.index = index;
		this.windowStart = windowStart;
		this.windowEnd = windowEnd;
		this.bags = bags;
		this.travel = travel;
	}

	/** Arrival at this door: the departure from the previous one (or the kitchen) plus the ride. */
	void updateArrival() {
		if (courier == null) {
			arrival = null;
			return;
		}
		if (previous == null) {
			arrival = travel.departure() + travel.between(0, index);
			return;
		}
		Integer before = previous.leaves();
		arrival = before == null ? null : before + travel.between(previous.index, index);
	}

	/** When the courier leaves this door: after the handover, not before the window opens. */
	public Integer leaves() {
		return arrival == null ? null : Math.max(arrival, windowStart) + travel.serviceSeconds();
	}

	/** Seconds past the window's end at arrival (0 if on time). */
	public long lateSeconds() {
		return arrival == null ? 0 : Math.max(0, arrival - windowEnd);
	}

	/** Seconds past the hot-food limit when the meal is handed over (0 if still hot). */
	public long coldSeconds() {
		return arrival == null ? 0 : Math.max(0, Math.max(arrival, windowStart) - travel.departure() - travel.hotFoodSeconds());
	}

	public Integer getIndex() {
		return index;
	}

	public int getWindowStart() {
		return windowStart;
	}

	public int getWindowEnd() {
		return windowEnd;
	}

	public int getBags() {
		return bags;
	}

	public Travel getTravel() {
		return travel;
	}

	public Courier getCourier() {
		return courier;
	}

	public void setCourier(Courier courier) {
		this.courier = courier;
	}

	public Visit getPrevious() {
		return previous;
	}

	public void setPrevious(Visit previous) {
		this.previous = previous;
	}

	public Integer getArrival() {
		return arrival;
	}

	public void setArrival(Integer arrival) {
		this.arrival = arrival;
	}

	@Override
	public String toString() {
		return "Visit " + index;
	}
}

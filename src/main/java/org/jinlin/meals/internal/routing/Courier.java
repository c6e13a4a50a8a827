package org.jinlin.meals.internal.routing;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/** A courier leaving the kitchen with at most {@code capacity} bags; the solver orders her visits. */
@PlanningEntity
public class Courier {

	@PlanningId
	private Integer number;

	private int capacity;

	private Travel travel;

	@PlanningListVariable
	private List<Visit> visits = new ArrayList<>();

	public Courier() {
	}

	public Courier(int number, int capacity, Travel travel) {
		this.number = number;
		this.capacity = capacity;
		this.travel = travel;
	}

	/** Bags on the bicycle. */
	public int bags() {
		int bags = 0;
		for (Visit v : visits) {
			bags += v.getBags();
		}
		return bags;
	}

	/** Riding time: kitchen, the doors in order, back to the kitchen (0 without visits). */
	public long travelSeconds() {
		if (visits.isEmpty()) {
			return 0;
		}
		long total = 0;
		int at = 0;
		for (Visit v : visits) {
			total += travel.between(at, v.getIndex());
			at = v.getIndex();
		}
		return total + travel.between(at, 0);
	}

	public Integer getNumber() {
		return number;
	}

	public int getCapacity() {
		return capacity;
	}

	public List<Visit> getVisits() {
		return visits;
	}

	public void setVisits(List<Visit> visits) {
		this.visits = visits;
	}

	@Override
	public String toString() {
		return "Courier " + number;
	}
}

package org.jinlin.meals.internal.routing;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** A day's delivery as Timefold sees it: the couriers and the visits they share out. */
@PlanningSolution
public class RoutePlan {

	@PlanningEntityCollectionProperty
	private List<Courier> couriers;

	@PlanningEntityCollectionProperty
	@ValueRangeProvider
	private List<Visit> visits;

	@PlanningScore
	private HardSoftLongScore score;

	public RoutePlan() {
	}

	public RoutePlan(List<Courier> couriers, List<Visit> visits) {
		this.couriers = couriers;
		this.visits = visits;
	}

	public List<Courier> getCouriers() {
		return couriers;
	}

	public List<Visit> getVisits() {
		return visits;
	}

	public HardSoftLongScore getScore() {
		return score;
	}

	public void setScore(HardSoftLongScore score) {
		this.score = score;
	}
}

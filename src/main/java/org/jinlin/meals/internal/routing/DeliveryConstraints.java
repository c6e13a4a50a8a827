package org.jinlin.meals.internal.routing;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: no courier carries more bags than she can, no meal arrives after its window, none is handed over later than
 * the hot-food limit after leaving the kitchen. Soft: the least riding time in all.
 */
public class DeliveryConstraints implements ConstraintProvider {

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { capacity(factory), timeWindow(factory), hotFood(factory), travel(factory) };
	}

	Constraint capacity(ConstraintFactory factory) {
		return factory.forEach(Courier.class)
			.filter(c -> c.bags() > c.getCapacity())
			.penalizeLong(HardSoftLongScore.ONE_HARD, c -> c.bags() - c.getCapacity())
			.asConstraint("bags over capacity");
	}

	Constraint timeWindow(ConstraintFactory factory) {
		return factory.forEach(Visit.class)
			.filter(v -> v.lateSeconds() > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, Visit::lateSeconds)
			.asConstraint("after the time window");
	}

	Constraint hotFood(ConstraintFactory factory) {
		return factory.forEach(Visit.class)
			.filter(v -> v.coldSeconds() > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, Visit::coldSeconds)
			.asConstraint("beyond the hot-food limit");
	}

	Constraint travel(ConstraintFactory factory) {
		return factory.forEach(Courier.class)
			.filter(c -> !c.getVisits().isEmpty())
			.penalizeLong(HardSoftLongScore.ONE_SOFT, Courier::travelSeconds)
			.asConstraint("riding time");
	}
}

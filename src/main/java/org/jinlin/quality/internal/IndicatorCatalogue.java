package org.jinlin.quality.internal;

import java.util.List;
import java.util.Optional;

import org.jinlin.quality.internal.IndicatorDefinition.Basis;
import org.jinlin.quality.internal.IndicatorDefinition.Direction;
import org.jinlin.quality.internal.IndicatorDefinition.Source;
import org.jinlin.quality.internal.IndicatorDefinition.Unit;

/**
 * The indicator catalogue (Spring-free): every indicator the cockpit shows, in the order it shows them. Those the
 * platform does not compute yet are listed with {@link Source#NONE} and shown as "not yet computed", never as a
 * number; each gets its source as its module's query service grows one.
 */
public final class IndicatorCatalogue {

	private static final List<IndicatorDefinition> ALL = List.of(
			computed("demands.response", Direction.HIGHER_IS_BETTER, "demands", Source.DEMANDS_RESPONSE),
			computed("demands.on-time-sign", Direction.HIGHER_IS_BETTER, "demands", Source.DEMANDS_ON_TIME_SIGN),
			computed("demands.on-time-closing", Direction.HIGHER_IS_BETTER, "demands", Source.DEMANDS_ON_TIME_CLOSING),
			computed("demands.resolution", Direction.HIGHER_IS_BETTER, "demands", Source.DEMANDS_RESOLUTION),
			computed("demands.satisfaction", Direction.HIGHER_IS_BETTER, "demands", Source.DEMANDS_SATISFACTION),
			computed("demands.rework", Direction.LOWER_IS_BETTER, "demands", Source.DEMANDS_REWORK),
			computed("circle.urban-coverage", Direction.HIGHER_IS_BETTER, "circle", Source.CIRCLE_URBAN_COVERAGE),
			computed("eldercare.assessed-in-time", Direction.HIGHER_IS_BETTER, "eldercare", Source.ELDERS_ASSESSED_IN_TIME),
			computed("eldercare.visits-on-time", Direction.HIGHER_IS_BETTER, "eldercare", Source.ELDERS_VISITED_ON_TIME),
			computed("alarms.acknowledged-60s", Direction.HIGHER_IS_BETTER, "alarms", Source.ALARMS_ACKNOWLEDGED_60S),
			computed("alarms.acknowledged-180s", Direction.HIGHER_IS_BETTER, "alarms", Source.ALARMS_ACKNOWLEDGED_180S),
			computed("alarms.arrived-30min", Direction.HIGHER_IS_BETTER, "alarms", Source.ALARMS_ARRIVED_30MIN),
			new IndicatorDefinition("carefacilities.beds-per-thousand", Unit.PER_THOUSAND, Direction.HIGHER_IS_BETTER,
					"carefacilities", Basis.OBJECTIVE, Source.FACILITY_BEDS_PER_THOUSAND),
			computed("carefacilities.station-coverage", Direction.HIGHER_IS_BETTER, "carefacilities",
					Source.FACILITY_STATION_COVERAGE),
			computed("party.branch-coverage", Direction.HIGHER_IS_BETTER, "party", Source.PARTY_BRANCH_COVERAGE),
			new IndicatorDefinition("memberservice.registrations", Unit.PER_THOUSAND, Direction.HIGHER_IS_BETTER,
					"memberservice", Basis.OBJECTIVE, Source.MEMBER_REGISTRATIONS),
			new IndicatorDefinition("volunteers.hours-per-thousand", Unit.PER_THOUSAND, Direction.HIGHER_IS_BETTER,
					"servicehours", Basis.OBJECTIVE, Source.SERVICE_HOURS),
			computed("meals.living-alone-enrolled", Direction.HIGHER_IS_BETTER, "meals", Source.MEALS_LIVING_ALONE_ENROLLED),
			new IndicatorDefinition("meals.meals-per-thousand-elders", Unit.PER_THOUSAND, Direction.HIGHER_IS_BETTER,
					"meals", Basis.OBJECTIVE, Source.MEALS_PER_THOUSAND_ELDERS),
			new IndicatorDefinition("survey.satisfaction-index", Unit.INDEX, Direction.HIGHER_IS_BETTER, "quality",
					Basis.SURVEY, Source.SURVEY_SATISFACTION_INDEX));

	private IndicatorCatalogue() {
	}

	public static List<IndicatorDefinition> all() {
		return ALL;
	}

	public static Optional<IndicatorDefinition> find(String code) {
		return ALL.stream().filter(d -> d.code().equals(code)).findFirst();
	}

	private static IndicatorDefinition computed(String code, Direction direction, String module, Source source) {
		return new IndicatorDefinition(code, Unit.PERCENT, direction, module, Basis.OBJECTIVE, source);
	}
}

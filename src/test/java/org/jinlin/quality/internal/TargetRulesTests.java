package org.jinlin.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jinlin.quality.internal.IndicatorDefinition.Basis;
import org.jinlin.quality.internal.IndicatorDefinition.Direction;
import org.jinlin.quality.internal.IndicatorDefinition.Source;
import org.jinlin.quality.internal.IndicatorDefinition.Unit;
import org.jinlin.quality.internal.TargetRules.Status;
import org.jinlin.shared.figures.Tally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Targets inherited down the tree, the status of a figure against its target, and rates of nothing. */
class TargetRulesTests {

	static final List<String> CHAIN = List.of("350100", "350102", "350102004000", "350102004001");

	static final IndicatorDefinition HIGHER = new IndicatorDefinition("x", Unit.PERCENT, Direction.HIGHER_IS_BETTER,
			"demands", Basis.OBJECTIVE, Source.DEMANDS_RESPONSE);

	static final IndicatorDefinition LOWER = new IndicatorDefinition("y", Unit.PERCENT, Direction.LOWER_IS_BETTER,
			"demands", Basis.OBJECTIVE, Source.DEMANDS_REWORK);

	@Test
	void aNodeUsesItsOwnTargetElseTheNearestAboveElseThePlan() {
		Map<String, BigDecimal> targets = new HashMap<>();
		assertThat(TargetRules.applicable(CHAIN, targets)).isEmpty();
		targets.put(null, new BigDecimal("80"));
		assertThat(TargetRules.applicable(CHAIN, targets)).hasValue(new TargetRules.Target(new BigDecimal("80"), null));
		targets.put("350102", new BigDecimal("85"));
		assertThat(TargetRules.applicable(CHAIN, targets))
			.hasValue(new TargetRules.Target(new BigDecimal("85"), "350102"));
		targets.put("350102004001", new BigDecimal("90"));
		assertThat(TargetRules.applicable(CHAIN, targets))
			.hasValue(new TargetRules.Target(new BigDecimal("90"), "350102004001"));
		// a sibling's target is not inherited
		assertThat(TargetRules.applicable(List.of("350100", "350111"), targets))
			.hasValue(new TargetRules.Target(new BigDecimal("80"), null));
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = {
			// value, target, higher-is-better status, lower-is-better status
			"80.0, 80, MET, MET",
			"79.9, 80, NOT_MET, MET",
			"80.1, 80, MET, NOT_MET",
			"0.0, 5, NOT_MET, MET",
			"100.0, null, NO_TARGET, NO_TARGET",
			"null, 80, NO_DATA, NO_DATA",
			"null, null, NO_DATA, NO_DATA" })
	void statusFollowsTheDirection(Double value, BigDecimal target, Status higher, Status lower) {
		assertThat(TargetRules.status(HIGHER, value, target)).isEqualTo(higher);
		assertThat(TargetRules.status(LOWER, value, target)).isEqualTo(lower);
	}

	@Test
	void anIndicatorNotComputedIsNeverMetNorMissed() {
		IndicatorDefinition none = new IndicatorDefinition("z", Unit.PERCENT, Direction.HIGHER_IS_BETTER, "alarms",
				Basis.OBJECTIVE, Source.NONE);
		assertThat(TargetRules.status(none, null, new BigDecimal("90"))).isEqualTo(Status.NOT_COMPUTED);
	}

	@Test
	void aTallyOfNothingHasNoRateAndATallyCannotMeetMoreThanItCounts() {
		assertThat(Tally.NONE.percent()).isNull();
		assertThat(new Tally(0, 3).percent()).isEqualTo(0.0);
		assertThat(new Tally(2, 3).percent()).isEqualTo(66.7);
		assertThat(new Tally(3, 3).percent()).isEqualTo(100.0);
		assertThatThrownBy(() -> new Tally(4, 3)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Tally(-1, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theCatalogueHasUniqueCodesAndComputesEveryIndicator() {
		List<String> codes = IndicatorCatalogue.all().stream().map(IndicatorDefinition::code).toList();
		assertThat(codes).doesNotHaveDuplicates();
		assertThat(IndicatorCatalogue.all().stream().filter(IndicatorDefinition::computed).map(IndicatorDefinition::code))
			.containsExactly("demands.response", "demands.on-time-sign", "demands.on-time-closing", "demands.resolution",
					"demands.satisfaction", "demands.rework", "circle.urban-coverage", "eldercare.assessed-in-time",
					"eldercare.visits-on-time", "alarms.acknowledged-60s",
					"alarms.acknowledged-180s", "alarms.arrived-30min", "carefacilities.beds-per-thousand",
					"carefacilities.station-coverage", "party.branch-coverage", "memberservice.registrations",
					"volunteers.hours-per-thousand", "meals.living-alone-enrolled", "meals.meals-per-thousand-elders",
					"survey.satisfaction-index");
	}
}

package org.jinlin.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.quality.internal.Forecast.Outcome;
import org.jinlin.quality.internal.Forecast.Point;
import org.jinlin.quality.internal.IndicatorDefinition.Direction;
import org.jinlin.quality.internal.IndicatorDefinition.Unit;
import org.junit.jupiter.api.Test;

/** The plain forecast: a straight line through the monthly values, carried to December and judged by the target. */
class ForecastTests {

	/** Values from January of 2026 on, one a month. */
	private static List<Point> monthly(double... values) {
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			points.add(new Point(YearMonth.of(2026, 1).plusMonths(i), values[i]));
		}
		return points;
	}

	@Test
	void aRisingLineThatReachesTheTargetByDecemberMeetsIt() {
		// 60, 62, ... 2 points a month: December (month 11) is 82
		var r = Forecast.project(monthly(60, 62, 64, 66, 68, 70), new BigDecimal("80"), Direction.HIGHER_IS_BETTER,
				Unit.PERCENT, 2026);
		assertThat(r.outcome()).isEqualTo(Outcome.MET);
		assertThat(r.projected()).isEqualTo(82.0);
		assertThat(r.slopePerMonth()).isEqualTo(2.0);
		assertThat(r.at()).isEqualTo(YearMonth.of(2026, 12));
	}

	@Test
	void aLineThatStaysShortDoesNotMeetItAndLowerIsBetterTurnsTheComparisonRound() {
		var flat = Forecast.project(monthly(70, 71, 69, 70), new BigDecimal("80"), Direction.HIGHER_IS_BETTER,
				Unit.PERCENT, 2026);
		assertThat(flat.outcome()).isEqualTo(Outcome.NOT_MET);
		assertThat(flat.projected()).isLessThan(80.0);
		var rework = Forecast.project(monthly(10, 9, 8, 7), new BigDecimal("5"), Direction.LOWER_IS_BETTER, Unit.PERCENT,
				2026);
		assertThat(rework.projected()).as("falling by 1 a month: below 0 by December, kept at 0").isEqualTo(0.0);
		assertThat(rework.outcome()).isEqualTo(Outcome.MET);
	}

	@Test
	void aPercentageIsKeptWithinAHundredAndScatteredPointsMakeTheLeastSquaresLine() {
		var r = Forecast.project(monthly(90, 95, 99), new BigDecimal("99"), Direction.HIGHER_IS_BETTER, Unit.PERCENT, 2026);
		assertThat(r.projected()).isEqualTo(100.0);
		// months 0, 1, 3 with 10, 20, 30: slope = (3*110 - 4*60) / (3*10 - 16) = 90/14
		var gaps = Forecast.project(List.of(new Point(YearMonth.of(2026, 1), 10), new Point(YearMonth.of(2026, 2), 20),
				new Point(YearMonth.of(2026, 4), 30)), null, Direction.HIGHER_IS_BETTER, Unit.PER_THOUSAND, 2026);
		assertThat(gaps.outcome()).isEqualTo(Outcome.NO_TARGET);
		assertThat(gaps.slopePerMonth()).isEqualTo(6.43);
		double intercept = (60 - 90.0 / 14 * 4) / 3;
		assertThat(gaps.projected()).isEqualTo(Math.round((intercept + 90.0 / 14 * 11) * 10) / 10.0);
	}

	@Test
	void fewerThanThreeMonthsOrOneMonthRepeatedIsNotEnoughData() {
		assertThat(Forecast.project(monthly(50, 60), new BigDecimal("80"), Direction.HIGHER_IS_BETTER, Unit.PERCENT, 2026)
			.outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
		assertThat(Forecast.project(List.of(), new BigDecimal("80"), Direction.HIGHER_IS_BETTER, Unit.PERCENT, 2026)
			.projected()).isNull();
		YearMonth m = YearMonth.of(2026, 3);
		assertThat(Forecast.project(List.of(new Point(m, 1), new Point(m, 2), new Point(m, 3)), new BigDecimal("80"),
				Direction.HIGHER_IS_BETTER, Unit.PERCENT, 2026).outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
	}
}

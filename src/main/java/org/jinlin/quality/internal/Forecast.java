package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jinlin.quality.internal.IndicatorDefinition.Direction;
import org.jinlin.quality.internal.IndicatorDefinition.Unit;

/**
 * A plain forecast (Spring-free): the least-squares straight line through an indicator's monthly values, carried to
 * the end of the target's year and compared with the target. Nothing cleverer: the line says where the figures
 * are heading if they go on as they went, and is shown as that.
 */
public final class Forecast {

	/** At least this many months with a value, spanning at least two distinct months, make a line. */
	public static final int MIN_POINTS = 3;

	/** What the line says about the target. */
	public enum Outcome {
		/** Carried on, the figures meet the target at the year's end. */
		MET,
		/** Carried on, they fall short of it. */
		NOT_MET,
		/** There is no target to compare with. */
		NO_TARGET,
		/** Fewer than {@link #MIN_POINTS} months with a value: no line. */
		NOT_ENOUGH_DATA
	}

	/** One month's value. */
	public record Point(YearMonth month, double value) {
	}

	/**
	 * The forecast.
	 *
	 * @param at the month the line is carried to (December of the target's year)
	 * @param projected the line's value there, one decimal, kept within 0 to 100 for a percentage and not below 0;
	 *        {@code null} without enough data
	 * @param slopePerMonth the change per month, {@code null} without enough data
	 */
	public record Result(Outcome outcome, YearMonth at, Double projected, Double slopePerMonth) {
	}

	private Forecast() {
	}

	/** Carries the line through {@code points} to December of {@code year} and judges it against {@code target}. */
	public static Result project(List<Point> points, BigDecimal target, Direction direction, Unit unit, int year) {
		YearMonth at = YearMonth.of(year, 12);
		long distinct = points.stream().map(Point::month).distinct().count();
		if (points.size() < MIN_POINTS || distinct < 2) {
			return new Result(Outcome.NOT_ENOUGH_DATA, at, null, null);
		}
		YearMonth origin = points.stream().map(Point::month).min(YearMonth::compareTo).orElseThrow();
		double n = points.size();
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		for (Point p : points) {
			double x = ChronoUnit.MONTHS.between(origin, p.month());
			sx += x;
			sy += p.value();
			sxx += x * x;
			sxy += x * p.value();
		}
		double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
		double intercept = (sy - slope * sx) / n;
		double value = intercept + slope * ChronoUnit.MONTHS.between(origin, at);
		value = Math.max(0, unit == Unit.PERCENT || unit == Unit.INDEX ? Math.min(100, value) : value);
		double projected = Math.round(value * 10) / 10.0;
		double perMonth = Math.round(slope * 100) / 100.0;
		if (target == null) {
			return new Result(Outcome.NO_TARGET, at, projected, perMonth);
		}
		int c = BigDecimal.valueOf(projected).compareTo(target);
		boolean met = direction == Direction.HIGHER_IS_BETTER ? c >= 0 : c <= 0;
		return new Result(met ? Outcome.MET : Outcome.NOT_MET, at, projected, perMonth);
	}
}

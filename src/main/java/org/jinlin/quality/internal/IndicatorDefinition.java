package org.jinlin.quality.internal;

/**
 * One indicator of the catalogue. Its name and its definition in words are in the {@code quality} message bundles
 * under {@code quality.indicator.<code>.name} and {@code .definition}.
 *
 * @param code stable code, as the API and targets name it
 * @param unit what the value is measured in
 * @param direction whether a higher or a lower value is better
 * @param module the application module whose records it counts
 * @param basis what the value is computed from
 * @param source how the value is computed; {@link Source#NONE} while the platform does not compute it yet
 */
public record IndicatorDefinition(String code, Unit unit, Direction direction, String module, Basis basis,
		Source source) {

	public enum Unit {
		PERCENT, PER_THOUSAND,
		/** A satisfaction index, 0–100 points. */
		INDEX
	}

	public enum Direction {
		HIGHER_IS_BETTER, LOWER_IS_BETTER
	}

	/** Objective figures count records; survey figures come from residents' answers. */
	public enum Basis {
		OBJECTIVE, SURVEY
	}

	/** The query that computes the figure (one per module query service method). */
	public enum Source {
		DEMANDS_RESPONSE, DEMANDS_ON_TIME_SIGN, DEMANDS_ON_TIME_CLOSING, DEMANDS_RESOLUTION, DEMANDS_SATISFACTION,
		DEMANDS_REWORK, CIRCLE_URBAN_COVERAGE, ALARMS_ACKNOWLEDGED_60S, ALARMS_ACKNOWLEDGED_180S, ALARMS_ARRIVED_30MIN,
		ELDERS_ASSESSED_IN_TIME, ELDERS_VISITED_ON_TIME, FACILITY_BEDS_PER_THOUSAND, FACILITY_STATION_COVERAGE,
		PARTY_BRANCH_COVERAGE, MEMBER_REGISTRATIONS, SERVICE_HOURS, MEALS_LIVING_ALONE_ENROLLED, MEALS_PER_THOUSAND_ELDERS,
		SURVEY_SATISFACTION_INDEX, NONE
	}

	public boolean computed() {
		return source != Source.NONE;
	}

	/**
	 * Whether the figure is the records' state today rather than a month's records (the circle's latest run, the
	 * register's due dates, the facility network, the party branches): a past month's figure is then known only
	 * where it was frozen.
	 */
	public boolean todayOnly() {
		return switch (source) {
			case CIRCLE_URBAN_COVERAGE, ELDERS_ASSESSED_IN_TIME, ELDERS_VISITED_ON_TIME, FACILITY_BEDS_PER_THOUSAND,
					FACILITY_STATION_COVERAGE, PARTY_BRANCH_COVERAGE, MEALS_LIVING_ALONE_ENROLLED -> true;
			default -> false;
		};
	}
}

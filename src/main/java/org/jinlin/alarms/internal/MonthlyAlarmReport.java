package org.jinlin.alarms.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmOutcome;

/**
 * One month's alarm figures for a territory. Shares are 0..1 (null when there were no alarms); times are seconds
 * from raising. {@code metTarget60s}/{@code metTarget180s} compare the shares with the telecare targets.
 */
public record MonthlyAlarmReport(String territoryCode, String territoryName, String month, int alarms, int acknowledged,
		int arrived, int stillOpen, Double acknowledgedWithin60s, Double acknowledgedWithin180s, double target60s,
		double target180s, boolean metTarget60s, boolean metTarget180s, Long medianSecondsToAcknowledge,
		Long p90SecondsToAcknowledge, Long medianSecondsToArrival, Long p90SecondsToArrival, int escalated,
		int arrivalOverdue, Map<AlarmOutcome, Integer> outcomes, Map<AlarmKind, Integer> kinds, List<Day> days) {

	/** Alarms raised that day and how many were acknowledged within 60 s. */
	public record Day(LocalDate date, int alarms, int acknowledgedWithin60s) {
	}
}

package org.jinlin.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A month's figure of an indicator for a territory was frozen: from now on it is the figure reported for that month
 * (the public log records it). No personal data: codes, the month and counts.
 *
 * @param value the figure, {@code null} when nothing was counted or the indicator is not computed
 * @param target the target that applied, {@code null} when none
 */
public record IndicatorSnapshotFrozen(String indicatorCode, String territoryCode, String period, Double value,
		long count, long met, BigDecimal target, String status, Instant frozenAt) {
}

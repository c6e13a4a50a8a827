package org.jinlin.alarms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.Test;

/** The monthly figures against the telecare targets, on known data. */
class AlarmReportTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final TerritoryNode NODE = new TerritoryNode(1, null, TerritoryLevel.CITY, false, "350100", "福州市", "/1/", 26.0, 119.3,
			1L, 1L);

	static AlarmReport.Row row(Instant raised, Long ackSeconds, Long arrivalSeconds, String outcome) {
		return new AlarmReport.Row(raised, ackSeconds == null ? null : raised.plusSeconds(ackSeconds),
				arrivalSeconds == null ? null : raised.plusSeconds(arrivalSeconds), ackSeconds != null && ackSeconds > 60 ? 1 : 0,
				false, outcome, "SOS", outcome == null ? "NOTIFIED" : "RESOLVED");
	}

	@Test
	void sharesCountEveryAlarmRaisedAndAnUnacknowledgedOneIsLate() {
		Instant t = Instant.parse("2026-11-10T02:00:00Z");
		List<AlarmReport.Row> rows = new ArrayList<>();
		for (int i = 0; i < 195; i++) {
			rows.add(row(t, 30L, 600L, "HANDLED_AT_HOME"));
		}
		rows.add(row(t, 60L, 900L, "FALSE_ALARM")); // exactly 60 s counts as within
		rows.add(row(t, 61L, 900L, "FALSE_ALARM"));
		rows.add(row(t, 170L, 1200L, "TAKEN_TO_HOSPITAL"));
		rows.add(row(t, 200L, 1500L, "HANDLED_AT_HOME"));
		rows.add(row(t, null, null, null)); // never acknowledged
		MonthlyAlarmReport r = AlarmReport.summarize(NODE, YearMonth.of(2026, 11), rows, ZONE);
		assertThat(r.alarms()).isEqualTo(200);
		assertThat(r.acknowledged()).isEqualTo(199);
		assertThat(r.acknowledgedWithin60s()).isEqualTo(0.98); // 196 / 200
		assertThat(r.acknowledgedWithin180s()).isEqualTo(0.99); // 198 / 200
		assertThat(r.metTarget60s()).isTrue();
		assertThat(r.metTarget180s()).isTrue();
		assertThat(r.stillOpen()).isEqualTo(1);
		assertThat(r.escalated()).isEqualTo(3);
		assertThat(r.medianSecondsToAcknowledge()).isEqualTo(30);
		assertThat(r.outcomes().get(AlarmOutcome.FALSE_ALARM)).isEqualTo(2);
		assertThat(r.days()).hasSize(30);
		assertThat(r.days().get(9).alarms()).isEqualTo(200);
		assertThat(r.days().get(9).acknowledgedWithin60s()).isEqualTo(196);
	}

	@Test
	void missingTheTargetIsReportedAndAnEmptyMonthHasNoShares() {
		Instant t = Instant.parse("2026-11-10T02:00:00Z");
		List<AlarmReport.Row> rows = new ArrayList<>();
		for (int i = 0; i < 38; i++) {
			rows.add(row(t, 20L, 600L, "HANDLED_AT_HOME"));
		}
		rows.add(row(t, 100L, 600L, "HANDLED_AT_HOME"));
		rows.add(row(t, 100L, 600L, "HANDLED_AT_HOME"));
		MonthlyAlarmReport r = AlarmReport.summarize(NODE, YearMonth.of(2026, 11), rows, ZONE);
		assertThat(r.acknowledgedWithin60s()).isEqualTo(0.95);
		assertThat(r.metTarget60s()).isFalse();
		assertThat(r.metTarget180s()).isTrue();
		MonthlyAlarmReport empty = AlarmReport.summarize(NODE, YearMonth.of(2026, 2), List.of(), ZONE);
		assertThat(empty.alarms()).isZero();
		assertThat(empty.acknowledgedWithin60s()).isNull();
		assertThat(empty.metTarget60s()).isFalse();
		assertThat(empty.days()).hasSize(28);
	}

	@Test
	void percentilesAreNearestRank() {
		assertThat(AlarmReport.percentile(List.of(5L, 1L, 3L, 2L, 4L), 50)).isEqualTo(3);
		assertThat(AlarmReport.percentile(List.of(5L, 1L, 3L, 2L, 4L), 90)).isEqualTo(5);
		assertThat(AlarmReport.percentile(List.of(), 50)).isNull();
	}
}

package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the frozen monthly snapshots. */
@Repository
@RequiredArgsConstructor
public class SnapshotRepository {

	private final JdbcClient jdbc;

	/** A frozen figure. */
	public record Snapshot(String indicatorCode, Double value, long count, long met, BigDecimal target, String status,
			Instant frozenAt) {
	}

	/** The snapshots of a territory and month, by indicator code. */
	public Map<String, Snapshot> find(String territoryCode, YearMonth period) {
		Map<String, Snapshot> byCode = new HashMap<>();
		jdbc.sql("""
				SELECT indicator_code, figure_value, counted, met, target_value, status, frozen_at FROM quality_snapshot
				WHERE territory_code = ? AND period = ?""")
			.params(territoryCode, period.toString())
			.query(rs -> {
				BigDecimal v = rs.getBigDecimal(2);
				byCode.put(rs.getString(1), new Snapshot(rs.getString(1), v == null ? null : v.doubleValue(), rs.getLong(3),
						rs.getLong(4), rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
			});
		return byCode;
	}

	/** Freezes a figure unless another request froze it first; true when this call did. */
	public boolean freeze(String territoryCode, YearMonth period, Snapshot s) {
		return jdbc.sql("""
				INSERT INTO quality_snapshot (indicator_code, territory_code, period, figure_value, counted, met, target_value,
				  status, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(s.indicatorCode(), territoryCode, period.toString(), s.value() == null ? null : BigDecimal.valueOf(s.value()),
					s.count(), s.met(), s.target(), s.status(), s.frozenAt().atOffset(ZoneOffset.UTC))
			.update() == 1;
	}
}

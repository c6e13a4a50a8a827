package org.jinlin.quality.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the targets. */
@Repository
@RequiredArgsConstructor
public class TargetRepository {

	private final JdbcClient jdbc;

	/**
	 * The targets standing in a year for each indicator: per indicator and territory the value of the latest year
	 * not after {@code year} (the platform's under the {@code null} territory).
	 */
	public Map<String, Map<String, BigDecimal>> standing(int year) {
		Map<String, Map<String, BigDecimal>> byIndicator = new HashMap<>();
		jdbc.sql("""
				SELECT indicator_code, territory_key, target_value FROM quality_target
				WHERE target_year <= ? ORDER BY target_year""")
			.param(year)
			.query(rs -> {
				String key = rs.getString(2);
				byIndicator.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.put(key.isEmpty() ? null : key, rs.getBigDecimal(3));
			});
		return byIndicator;
	}

	/** A target as set. */
	public record TargetRow(String indicatorCode, String territoryCode, int year, BigDecimal value, String note,
			String setBy, java.time.Instant setAt) {
	}

	/** The targets set for the given territory keys ('' for the plan), by indicator and year. */
	public java.util.List<TargetRow> setFor(java.util.Collection<String> territoryKeys) {
		return jdbc.sql("""
				SELECT indicator_code, territory_key, target_year, target_value, source_note, set_by, set_at FROM quality_target
				WHERE territory_key IN (:keys) ORDER BY indicator_code, target_year, territory_key""")
			.param("keys", territoryKeys)
			.query((rs, n) -> new TargetRow(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2), rs.getInt(3),
					rs.getBigDecimal(4), rs.getString(5), rs.getString(6),
					rs.getObject(7, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Sets (or replaces) a target. */
	public void set(String indicatorCode, String territoryKey, int year, BigDecimal value, String note, String by) {
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		int updated = jdbc.sql("""
				UPDATE quality_target SET target_value = ?, source_note = ?, set_by = ?, set_at = ?
				WHERE indicator_code = ? AND territory_key = ? AND target_year = ?""")
			.params(value, note, by, now, indicatorCode, territoryKey, year)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO quality_target (indicator_code, territory_key, target_year, target_value, source_note, set_by,
					  set_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(indicatorCode, territoryKey, year, value, note, by, now)
				.update();
		}
	}

	/** Removes a target; true when there was one. */
	public boolean remove(String indicatorCode, String territoryKey, int year) {
		return jdbc.sql("DELETE FROM quality_target WHERE indicator_code = ? AND territory_key = ? AND target_year = ?")
			.params(indicatorCode, territoryKey, year)
			.update() > 0;
	}
}

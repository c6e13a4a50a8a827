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
}

package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandRepository.instant;
import static org.jinlin.demands.internal.DemandRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandIndicator;
import org.jinlin.demands.DemandStatus;
import org.jinlin.shared.figures.CountedRecord;
import org.jinlin.shared.figures.Tally;
import org.jinlin.territory.TerritoryLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the measures: one grouped count per report, and the overdue list. */
@Repository
@RequiredArgsConstructor
class DemandMeasuresRepository {

	static final String OPEN = "'DELIBERATING','DISPATCHED','RETURNED','IN_PROGRESS'";

	static final String OVERDUE = "((d.status = 'DISPATCHED' AND d.sign_due_at < :now) OR (d.status = 'IN_PROGRESS' AND d.handle_due_at < :now))";

	private final JdbcClient jdbc;

	/** Unscoped: the distinct residents who raised a demand under the path that was closed in [from, to). */
	List<Long> residentsClosedBetween(String pathPrefix, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT DISTINCT resident_id FROM demand WHERE resident_id IS NOT NULL AND territory_path LIKE ?
				AND closed_at >= ? AND closed_at < ? ORDER BY resident_id""")
			.params(pathPrefix + "%", from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class).list();
	}

	/** The counts of one group: a child unit, or {@code null} for demands placed above the child level. */
	record Grouped(Long unitId, DemandMeasures.Counts counts) {
	}

	/** The scope's counts grouped by {@code groupColumn} (one group when null). */
	List<Grouped> counts(DemandMeasures.Scope scope, String groupColumn, Instant now) {
		Map<String, Object> p = new HashMap<>();
		String where = where(scope, p);
		String unitExpr = groupColumn == null ? "CAST(NULL AS BIGINT)" : "d." + groupColumn;
		String sql = "SELECT " + unitExpr + " AS unit_id,\n" + """
				  COUNT(*) AS raised,
				  SUM(CASE WHEN d.dispatched_at IS NOT NULL THEN 1 ELSE 0 END) AS dispatched,
				  SUM(CASE WHEN d.signed_at IS NOT NULL THEN 1 ELSE 0 END) AS signed,
				  SUM(CASE WHEN d.signed_at IS NOT NULL AND d.signed_on_time = TRUE THEN 1 ELSE 0 END) AS signed_on_time,
				  SUM(CASE WHEN d.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
				  SUM(CASE WHEN d.resolved_at IS NOT NULL AND d.resolved_on_time = TRUE THEN 1 ELSE 0 END) AS resolved_on_time,
				  SUM(CASE WHEN d.resolved_at IS NOT NULL AND d.outcome = 'RESOLVED' THEN 1 ELSE 0 END) AS with_outcome,
				  SUM(CASE WHEN d.rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
				  SUM(CASE WHEN d.rating IN ('SATISFIED','BASICALLY_SATISFIED') AND d.rework_count = 0 THEN 1 ELSE 0 END) AS satisfied,
				  SUM(CASE WHEN d.resolved_at IS NOT NULL
				      THEN EXTRACT(EPOCH FROM d.resolved_at) - EXTRACT(EPOCH FROM d.raised_at) ELSE 0 END) AS handling_seconds,
				  SUM(d.rework_count) AS reworks,
				  SUM(CASE WHEN d.status IN (""" + OPEN + ") THEN 1 ELSE 0 END) AS open_count,\n"
				+ "  SUM(CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END) AS overdue_count\n"
				+ "FROM demand d " + where + (groupColumn == null ? "" : " GROUP BY d." + groupColumn);
		p.put("now", ts(now));
		List<Grouped> groups = new ArrayList<>();
		jdbc.sql(sql).params(p).query((ResultSet rs) -> {
			groups.add(new Grouped(rs.getObject("unit_id", Long.class), counts(rs)));
		});
		return groups;
	}

	/** Open demands of the scope past their deadline now, longest overdue first. */
	List<DemandMeasures.OverdueDemand> overdue(DemandMeasures.Scope scope, Instant now, int limit) {
		Map<String, Object> p = new HashMap<>();
		String where = where(scope, p) + " AND " + OVERDUE;
		p.put("now", ts(now));
		String due = "CASE WHEN d.status = 'DISPATCHED' THEN d.sign_due_at ELSE d.handle_due_at END";
		return jdbc.sql("SELECT d.id, c.code, c.name, d.status, COALESCE(d.public_place, d.address_label) AS place, "
				+ "d.handler_name, d.raised_at, " + due + " AS due_at, d.escalation_count "
				+ "FROM demand d JOIN demand_category c ON c.id = d.category_id " + where + " ORDER BY due_at, d.id "
				+ "OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY")
			.params(p)
			.query((rs, n) -> {
				Instant dueAt = instant(rs, "due_at");
				return new DemandMeasures.OverdueDemand(rs.getLong("id"), rs.getString(2), rs.getString(3),
						DemandStatus.valueOf(rs.getString("status")), rs.getString("place"), rs.getString("handler_name"),
						instant(rs, "raised_at"), dueAt,
						dueAt == null ? 0 : Duration.between(dueAt, now).toHours(), rs.getInt("escalation_count"));
			})
			.list();
	}

	/**
	 * Each indicator as two conditions on a demand: the base it is counted in, and what meets it (always inside the
	 * base), the same expressions as the grouped counts above.
	 */
	static String[] indicatorSql(DemandIndicator indicator) {
		String resolved = "d.resolved_at IS NOT NULL";
		return switch (indicator) {
			case RESPONSE -> new String[] { "d.dispatched_at IS NOT NULL", "d.signed_at IS NOT NULL" };
			case ON_TIME_SIGN -> new String[] { "d.signed_at IS NOT NULL", "d.signed_on_time = TRUE" };
			case ON_TIME_CLOSING -> new String[] { resolved, "d.resolved_on_time = TRUE" };
			case RESOLUTION -> new String[] { resolved, "d.outcome = 'RESOLVED'" };
			case SATISFACTION -> new String[] { "d.rating IS NOT NULL",
					"d.rating IN ('SATISFIED','BASICALLY_SATISFIED') AND d.rework_count = 0" };
			case REWORK -> new String[] { resolved, "d.rework_count > 0" };
		};
	}

	/** How many demands of the scope are in the indicator's base, and how many of them meet it. */
	Tally tally(DemandMeasures.Scope scope, DemandIndicator indicator) {
		Map<String, Object> p = new HashMap<>();
		String[] sql = indicatorSql(indicator);
		String where = where(scope, p) + " AND " + sql[0];
		return jdbc.sql("SELECT COUNT(*) AS counted, SUM(CASE WHEN " + sql[1] + " THEN 1 ELSE 0 END) AS met FROM demand d "
				+ where)
			.params(p)
			.query((rs, n) -> new Tally(rs.getLong("met"), rs.getLong("counted")))
			.single();
	}

	/** The demands in the indicator's base, oldest first, a page of them. */
	List<CountedRecord> counted(DemandMeasures.Scope scope, DemandIndicator indicator, long offset, int limit) {
		Map<String, Object> p = new HashMap<>();
		String[] sql = indicatorSql(indicator);
		String where = where(scope, p) + " AND " + sql[0];
		return jdbc.sql("SELECT d.id, c.name, COALESCE(d.public_place, d.address_label) AS place, d.raised_at, "
				+ "CASE WHEN " + sql[1] + " THEN 1 ELSE 0 END AS met "
				+ "FROM demand d JOIN demand_category c ON c.id = d.category_id " + where
				+ " ORDER BY d.raised_at, d.id OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit)
				+ " ROWS ONLY")
			.params(p)
			.query((rs, n) -> new CountedRecord(rs.getLong("id"), rs.getString("name"), rs.getString("place"),
					instant(rs, "raised_at"), rs.getInt("met") == 1, "/demands/" + rs.getLong("id")))
			.list();
	}

	/** The unit's demands in the period: through the unit level's indexed ancestor column. */
	private static String where(DemandMeasures.Scope s, Map<String, Object> p) {
		StringBuilder w = new StringBuilder("WHERE d.raised_at >= :from AND d.raised_at < :to AND d.status <> 'MERGED'");
		p.put("from", ts(s.from()));
		p.put("to", ts(s.to()));
		TerritoryLevel level = s.node().level();
		String column = DemandRepository.levelColumn(level);
		if (column != null) {
			w.append(" AND d.").append(column).append(" = :unit");
			p.put("unit", s.node().id());
		}
		else if (level != TerritoryLevel.CITY) {
			w.append(" AND d.territory_path LIKE :unitPath");
			p.put("unitPath", s.node().path() + "%");
		}
		if (s.categoryId() != null) {
			w.append(" AND d.category_id = :category");
			p.put("category", s.categoryId());
		}
		return w.toString();
	}

	private static DemandMeasures.Counts counts(ResultSet rs) throws SQLException {
		return new DemandMeasures.Counts(rs.getLong("raised"), rs.getLong("dispatched"), rs.getLong("signed"),
				rs.getLong("signed_on_time"), rs.getLong("resolved"), rs.getLong("resolved_on_time"),
				rs.getLong("with_outcome"), rs.getLong("rated"), rs.getLong("satisfied"),
				rs.getDouble("handling_seconds"), rs.getLong("reworks"), rs.getLong("open_count"),
				rs.getLong("overdue_count"));
	}

}

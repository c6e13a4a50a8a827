package org.jinlin.meals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the monthly settlement: the month's sales by funding source and tier, the statements. */
@Repository
@RequiredArgsConstructor
public class SettlementRepository {

	/** Totals of sales: meals, price, subsidy, paid. */
	public record Totals(long meals, BigDecimal price, BigDecimal subsidy, BigDecimal paid) {
	}

	/** A funding source's part of the month's subsidy. */
	public record SourceLine(String source, BigDecimal amount) {
	}

	/** A tier's meals, subsidy and what its elders paid ({@code NONE}: sold without subsidy). */
	public record TierLine(String tier, long meals, BigDecimal subsidy, BigDecimal paid) {
	}

	/** A row of {@code meal_settlement}. */
	public record Row(long placeId, LocalDate monthStart, String status, Totals totals, OffsetDateTime submittedAt,
			String submittedBy, OffsetDateTime approvedAt, String approvedBy) {
	}

	private final JdbcClient jdbc;

	public Totals totals(long placeId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(price), 0), COALESCE(SUM(subsidy), 0), COALESCE(SUM(paid), 0) FROM meal_sale
				WHERE place_id = ? AND sold_on BETWEEN ? AND ?""")
			.params(placeId, from, to)
			.query((rs, i) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
			.single();
	}

	public List<SourceLine> bySource(long placeId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT p.source, SUM(p.amount) FROM meal_sale_subsidy p JOIN meal_sale s ON s.id = p.sale_id
				WHERE s.place_id = ? AND s.sold_on BETWEEN ? AND ? GROUP BY p.source ORDER BY p.source""")
			.params(placeId, from, to)
			.query((rs, i) -> new SourceLine(rs.getString(1), rs.getBigDecimal(2)))
			.list();
	}

	public List<TierLine> byTier(long placeId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT COALESCE(tier, 'NONE') AS t, COUNT(*), SUM(subsidy), SUM(paid) FROM meal_sale
				WHERE place_id = ? AND sold_on BETWEEN ? AND ? GROUP BY COALESCE(tier, 'NONE') ORDER BY t""")
			.params(placeId, from, to)
			.query((rs, i) -> new TierLine(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
			.list();
	}

	public Optional<Row> row(long placeId, LocalDate monthStart) {
		return jdbc.sql("""
				SELECT place_id, month_start, status, meals, price, subsidy, paid, submitted_at, submitted_by, approved_at,
				approved_by FROM meal_settlement WHERE place_id = ? AND month_start = ?""")
			.params(placeId, monthStart)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					new Totals(rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)),
					rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
					rs.getString(11)))
			.optional();
	}

	/** Submits (or submits again while not approved) a month with its totals; whether it was written. */
	public boolean submit(long placeId, LocalDate monthStart, Totals t, String by) {
		int updated = jdbc.sql("""
				UPDATE meal_settlement SET meals = ?, price = ?, subsidy = ?, paid = ?, submitted_at = ?, submitted_by = ?
				WHERE place_id = ? AND month_start = ? AND status = 'SUBMITTED'""")
			.params(t.meals(), t.price(), t.subsidy(), t.paid(), OffsetDateTime.now(), by, placeId, monthStart)
			.update();
		if (updated == 1) {
			return true;
		}
		return jdbc.sql("""
				INSERT INTO meal_settlement (place_id, month_start, status, meals, price, subsidy, paid, submitted_at, submitted_by)
				VALUES (?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(placeId, monthStart, t.meals(), t.price(), t.subsidy(), t.paid(), OffsetDateTime.now(), by)
			.update() == 1;
	}

	/** Approves a submitted month; whether this call approved it. */
	public boolean approve(long placeId, LocalDate monthStart, String by) {
		return jdbc.sql("""
				UPDATE meal_settlement SET status = 'APPROVED', approved_at = ?, approved_by = ?
				WHERE place_id = ? AND month_start = ? AND status = 'SUBMITTED'""")
			.params(OffsetDateTime.now(), by, placeId, monthStart)
			.update() == 1;
	}
}

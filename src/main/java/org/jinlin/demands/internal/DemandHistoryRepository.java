package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandRepository.ts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandHistoryImport;
import org.jinlin.demands.DemandHistoryImport.HistoricCategory;
import org.jinlin.demands.DemandHistoryImport.HistoricDemand;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the bulk load of past demands ({@link DemandHistoryImport}): batches, no per-row look-ups. */
@Repository
@RequiredArgsConstructor
public class DemandHistoryRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	public void insertDepartment(String code, String name, long territoryId, String territoryPath) {
		jdbc.sql("INSERT INTO demand_department (code, name, territory_id, territory_path) VALUES (?, ?, ?, ?)")
			.params(code, name, territoryId, territoryPath).update();
	}

	public Optional<Long> departmentId(String code) {
		return jdbc.sql("SELECT id FROM demand_department WHERE code = ?").param(code).query(Long.class).optional();
	}

	public void insertCategory(HistoricCategory c, HandlingLevel level, Long departmentId) {
		jdbc.sql("""
				INSERT INTO demand_category (code, name, name_en, description, group_name, keywords, handling_level, department_id,
				  urgency, sign_deadline, sign_deadline_unit, handle_deadline, handle_deadline_unit, active, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WORKING_DAYS', ?, 'WORKING_DAYS', TRUE, ?, ?)""")
			.params(c.code(), c.name(), c.nameEn(), c.description(), c.group(), c.keywords(), level.name(), departmentId,
					c.urgency().name(), c.signWorkingDays(), c.handleWorkingDays(), OffsetDateTime.now(), c.by())
			.update();
	}

	public List<DemandHistoryImport.Category> activeCategories() {
		return jdbc.sql("SELECT id, code, urgency FROM demand_category WHERE active = TRUE ORDER BY id")
			.query((rs, n) -> new DemandHistoryImport.Category(rs.getLong(1), rs.getString(2), Urgency.valueOf(rs.getString(3))))
			.list();
	}

	public int insertDemands(List<HistoricDemand> demands) {
		List<Object[]> rows = demands.stream().map(DemandHistoryRepository::row).toList();
		batch.batchUpdate("""
				INSERT INTO demand (token, category_id, description, status, urgency, channel, location_node_id, territory_path,
				  grid_id, community_id, street_id, district_id, address_label, public_place, latitude, longitude, raised_by,
				  show_name_publicly, handler_level, handler_node_id, handler_path, handler_name, sign_due_at, handle_due_at,
				  raised_at, dispatched_at, signed_at, signed_on_time, resolved_at, resolved_on_time, outcome, closed_at,
				  rating, rework_count, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows, rows.size(), (ps, row) -> {
					for (int i = 0; i < row.length; i++) {
						ps.setObject(i + 1, row[i]);
					}
				});
		return rows.size();
	}

	private static Object[] row(HistoricDemand d) {
		return new Object[] { d.token(), d.categoryId(), d.description(), d.status().name(), d.urgency().name(),
				d.channel().name(), d.locationNodeId(), d.territoryPath(), d.gridId(), d.communityId(), d.streetId(),
				d.districtId(), d.addressLabel(), d.publicPlace(), d.latitude(), d.longitude(), d.raisedBy(),
				d.showNamePublicly(), d.handlerLevel().name(), d.handlerNodeId(), d.handlerPath(), d.handlerName(),
				ts(d.signDueAt()), ts(d.handleDueAt()), ts(d.raisedAt()), ts(d.dispatchedAt()), ts(d.signedAt()),
				d.signedOnTime(), ts(d.resolvedAt()), d.resolvedOnTime(), d.outcome() == null ? null : d.outcome().name(),
				ts(d.closedAt()), d.rating() == null ? null : d.rating().name(), d.reworkCount(), ts(d.updatedAt()) };
	}

	public void insertTimelines(String raisedBy, String reply) {
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, unit_name)
				SELECT id, raised_at, 'RAISED', raised_by, NULL, 'DISPATCHED', NULL FROM demand WHERE raised_by = ?""")
			.param(raisedBy).update();
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, unit_name)
				SELECT id, signed_at, 'SIGNED_FOR', raised_by, 'DISPATCHED', 'IN_PROGRESS', handler_name FROM demand
				WHERE raised_by = ? AND signed_at IS NOT NULL""")
			.param(raisedBy).update();
		jdbc.sql("""
				INSERT INTO demand_step (demand_id, at, kind, actor, from_status, to_status, public_note, unit_name)
				SELECT id, resolved_at, 'RESOLVED', raised_by, 'IN_PROGRESS', 'RESOLVED', ?, handler_name
				FROM demand WHERE raised_by = ? AND resolved_at IS NOT NULL""")
			.params(reply, raisedBy).update();
	}

	/** A resolved imported demand: its id, category code and outcome. */
	public record Resolved(long id, String categoryCode, Outcome outcome) {
	}

	public List<Resolved> resolved(String raisedBy) {
		return jdbc.sql("""
				SELECT d.id, c.code, d.outcome FROM demand d JOIN demand_category c ON c.id = d.category_id
				WHERE d.raised_by = ? AND d.resolved_at IS NOT NULL ORDER BY d.id""")
			.param(raisedBy)
			.query((rs, n) -> new Resolved(rs.getLong(1), rs.getString(2),
					rs.getString(3) == null ? null : Outcome.valueOf(rs.getString(3))))
			.list();
	}

	/** Sets the public note of a demand's RESOLVED step. */
	public void reply(long demandId, String reply) {
		jdbc.sql("UPDATE demand_step SET public_note = ? WHERE demand_id = ? AND kind = 'RESOLVED'")
			.params(reply, demandId)
			.update();
	}
}

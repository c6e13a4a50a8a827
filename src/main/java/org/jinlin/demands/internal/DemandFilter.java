package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandRepository.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jinlin.demands.DemandStatus;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;

/**
 * A filter over demands (alias {@code d}) and categories ({@code c}), with its named parameters, for
 * {@link DemandRepository#query(DemandFilter, String, int, int)}.
 */
record DemandFilter(String sql, Map<String, Object> params) {

	/** A community's public board, optionally of one status; merged demands never show. */
	static DemandFilter board(long communityId, DemandStatus status) {
		Map<String, Object> p = new HashMap<>();
		p.put("community", communityId);
		String where = "WHERE d.community_id = :community AND d.status <> 'MERGED'";
		if (status != null) {
			where += " AND d.status = :status";
			p.put("status", status.name());
		}
		return new DemandFilter(where, p);
	}

	/** Open311 searches across the city. */
	static DemandFilter publicSearch(PublicSearch q) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder w = new StringBuilder("WHERE d.status <> 'MERGED'");
		if (q.ids() != null && !q.ids().isEmpty()) {
			w.append(" AND d.id IN (:ids)");
			p.put("ids", q.ids());
		}
		if (q.categoryCodes() != null && !q.categoryCodes().isEmpty()) {
			w.append(" AND c.code IN (:codes)");
			p.put("codes", q.categoryCodes());
		}
		if (q.from() != null) {
			w.append(" AND d.raised_at >= :from");
			p.put("from", ts(q.from()));
		}
		if (q.to() != null) {
			w.append(" AND d.raised_at <= :to");
			p.put("to", ts(q.to()));
		}
		if (q.open() != null) {
			w.append(q.open() ? " AND d.status NOT IN ('RESOLVED','CLOSED')" : " AND d.status IN ('RESOLVED','CLOSED')");
		}
		return new DemandFilter(w.toString(), p);
	}

	/**
	 * A work queue: what is assigned to {@code me}; for staff ({@code level} not null) also what waits for, or
	 * was escalated to, the node, what is open in it as a grid, and above a grid what was returned or is in
	 * deliberation there.
	 */
	static DemandFilter queue(String me, Long nodeId, TerritoryLevel level) {
		Map<String, Object> p = new HashMap<>();
		p.put("node", nodeId);
		p.put("me", me);
		StringBuilder ids = new StringBuilder("""
				SELECT id FROM demand WHERE assignee = :me AND status IN ('DISPATCHED','IN_PROGRESS')""");
		if (level != null) {
			ids.append("""
					 UNION SELECT id FROM demand WHERE handler_node_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')
					 UNION SELECT id FROM demand WHERE escalated_node_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')
					 UNION SELECT id FROM demand WHERE grid_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')""");
			String column = DemandRepository.levelColumn(level);
			if (column != null && level != TerritoryLevel.GRID) {
				ids.append(" UNION SELECT id FROM demand WHERE ").append(column)
					.append(" = :node AND status IN ('RETURNED','DELIBERATING')");
			}
		}
		return new DemandFilter("WHERE d.id IN (" + ids + ")", p);
	}

	/** Demands raised by an account or for a resident. */
	static DemandFilter mine(String me, Long residentId) {
		Map<String, Object> p = new HashMap<>();
		p.put("me", me);
		p.put("resident", residentId == null ? -1L : residentId);
		return new DemandFilter("WHERE d.id IN (SELECT id FROM demand WHERE raised_by = :me UNION "
				+ "SELECT id FROM demand WHERE resident_id = :resident)", p);
	}

	/** The staff search: within {@code scope} (and {@code narrow}, if given) and the filters. */
	static DemandFilter search(TerritoryNode scope, TerritoryNode narrow, DemandSearch q, Instant now) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder w = new StringBuilder("WHERE 1 = 1");
		within(scope, w, p, "scope");
		if (narrow != null) {
			within(narrow, w, p, "narrow");
		}
		if (q.status() != null) {
			w.append(" AND d.status = :status");
			p.put("status", q.status().name());
		}
		if (q.category() != null && !q.category().isBlank()) {
			w.append(" AND c.code = :category");
			p.put("category", q.category().strip());
		}
		if (q.from() != null) {
			w.append(" AND d.raised_at >= :from");
			p.put("from", ts(q.from()));
		}
		if (q.to() != null) {
			w.append(" AND d.raised_at < :to");
			p.put("to", ts(q.to()));
		}
		if (Boolean.TRUE.equals(q.overdue())) {
			w.append(" AND ((d.status = 'DISPATCHED' AND d.sign_due_at < :now) OR (d.status = 'IN_PROGRESS' AND d.handle_due_at < :now))");
			p.put("now", ts(now));
		}
		return new DemandFilter(w.toString(), p);
	}

	/** Restricts to the subtree of a node through the ancestor columns, which are indexed. */
	private static void within(TerritoryNode node, StringBuilder w, Map<String, Object> p, String name) {
		if (node.level() == TerritoryLevel.CITY) {
			return;
		}
		String column = DemandRepository.levelColumn(node.level());
		if (column == null) {
			w.append(" AND d.territory_path LIKE :").append(name);
			p.put(name, node.path() + "%");
			return;
		}
		w.append(" AND d.").append(column).append(" = :").append(name);
		p.put(name, node.id());
	}
}

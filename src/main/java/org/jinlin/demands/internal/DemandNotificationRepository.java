package org.jinlin.demands.internal;

import static org.jinlin.demands.internal.DemandRepository.instant;
import static org.jinlin.demands.internal.DemandRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the in-app notifications: to an account, or to everyone at a territory node. */
@Repository
@RequiredArgsConstructor
class DemandNotificationRepository {

	private static final String COLUMNS = "SELECT id, demand_id, kind, created_at, read_at FROM demand_notification WHERE ";

	private final JdbcClient jdbc;

	void insert(String username, Long nodeId, long demandId, NotificationKind kind, Instant at) {
		jdbc.sql("""
				INSERT INTO demand_notification (recipient_account, recipient_node_id, demand_id, kind, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(username, nodeId, demandId, kind.name(), ts(at))
			.update();
	}

	List<Notification> latest(Actor actor, int limit) {
		return jdbc.sql(COLUMNS + mine(actor) + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.param("account", actor.name()).param("node", actor.territoryId())
			.query(DemandNotificationRepository::map).list();
	}

	List<Notification> after(Actor actor, long lastId) {
		return jdbc.sql(COLUMNS + "(" + mine(actor) + ") AND id > :last ORDER BY id FETCH FIRST 100 ROWS ONLY")
			.param("account", actor.name()).param("node", actor.territoryId()).param("last", lastId)
			.query(DemandNotificationRepository::map).list();
	}

	long newestId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM demand_notification").query(Long.class).single();
	}

	long unread(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_notification WHERE (" + mine(actor) + ") AND read_at IS NULL")
			.param("account", actor.name()).param("node", actor.territoryId()).query(Long.class).single();
	}

	void markAllRead(Actor actor, Instant at) {
		jdbc.sql("UPDATE demand_notification SET read_at = :now WHERE (" + mine(actor) + ") AND read_at IS NULL")
			.param("account", actor.name()).param("node", actor.territoryId()).param("now", ts(at)).update();
	}

	private static Notification map(ResultSet rs, int n) throws SQLException {
		return new Notification(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)), instant(rs, 4),
				instant(rs, 5));
	}

	/**
	 * Staff see what is sent to their node; everyone sees what is sent to their account. Written as a
	 * union of two indexed look-ups rather than an OR, so it stays an index look-up as notifications pile up.
	 */
	private static String mine(Actor actor) {
		return actor.isStaff()
				? "id IN (SELECT id FROM demand_notification WHERE recipient_account = :account"
						+ " UNION ALL SELECT id FROM demand_notification WHERE recipient_node_id = :node)"
				: "recipient_account = :account AND (:node IS NOT NULL)";
	}
}

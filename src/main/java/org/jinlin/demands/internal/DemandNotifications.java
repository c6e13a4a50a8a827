package org.jinlin.demands.internal;

import java.time.Instant;
import java.util.List;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications. They are rows in the database, written in the transaction of the change they
 * report, so every instance can show them and push them to the browsers connected to it (the live
 * queue polls {@link #after(Actor, long)}).
 */
@Service
@Transactional(readOnly = true)
public class DemandNotifications {

	private final JdbcClient jdbc;

	DemandNotifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void toAccount(String username, long demandId, NotificationKind kind) {
		if (username != null) {
			insert(username, null, demandId, kind);
		}
	}

	@Transactional
	void toNode(Long nodeId, long demandId, NotificationKind kind) {
		if (nodeId != null) {
			insert(null, nodeId, demandId, kind);
		}
	}

	private void insert(String username, Long nodeId, long demandId, NotificationKind kind) {
		jdbc.sql("""
				INSERT INTO demand_notification (recipient_account, recipient_node_id, demand_id, kind, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(username, nodeId, demandId, kind.name(), DemandRepository.ts(Instant.now()))
			.update();
	}

	/** The current actor's latest notifications, newest first. */
	public List<Notification> latest(int limit) {
		return latest(CurrentActor.require(), limit);
	}

	public List<Notification> latest(Actor actor, int limit) {
		return jdbc.sql("SELECT id, demand_id, kind, created_at, read_at FROM demand_notification WHERE " + mine(actor)
				+ " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 200)) + " ROWS ONLY")
			.param("account", actor.name()).param("node", actor.territoryId())
			.query((rs, n) -> new Notification(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)),
					DemandRepository.instant(rs, 4), DemandRepository.instant(rs, 5)))
			.list();
	}

	/** Notifications newer than {@code lastId}, oldest first: what a live connection has not seen yet. */
	public List<Notification> after(Actor actor, long lastId) {
		return jdbc.sql("SELECT id, demand_id, kind, created_at, read_at FROM demand_notification WHERE (" + mine(actor)
				+ ") AND id > :last ORDER BY id FETCH FIRST 100 ROWS ONLY")
			.param("account", actor.name()).param("node", actor.territoryId()).param("last", lastId)
			.query((rs, n) -> new Notification(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)),
					DemandRepository.instant(rs, 4), DemandRepository.instant(rs, 5)))
			.list();
	}

	/** The newest notification id of all recipients (0 if none): a cheap check whether anything is new at all. */
	public long newestId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM demand_notification").query(Long.class).single();
	}

	/** The newest notification id for this actor (0 if none): where a live connection starts. */
	public long newestId(Actor actor) {
		return latest(actor, 1).stream().mapToLong(Notification::id).findFirst().orElse(0L);
	}

	public long unread(Actor actor) {
		return jdbc.sql("SELECT COUNT(*) FROM demand_notification WHERE (" + mine(actor) + ") AND read_at IS NULL")
			.param("account", actor.name()).param("node", actor.territoryId()).query(Long.class).single();
	}

	/** Marks the current actor's notifications read. */
	@Transactional
	public void markAllRead() {
		Actor actor = CurrentActor.require();
		jdbc.sql("UPDATE demand_notification SET read_at = :now WHERE (" + mine(actor) + ") AND read_at IS NULL")
			.param("account", actor.name()).param("node", actor.territoryId())
			.param("now", DemandRepository.ts(Instant.now())).update();
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

package org.jinlin.alarms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.alarms.AlarmChannel;
import org.jinlin.alarms.AlarmKind;
import org.jinlin.alarms.AlarmOutcome;
import org.jinlin.alarms.DutyRole;
import org.jinlin.eldercare.ElderLocation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The alarms' SQL, all of it: an alarm with its dispatch chain, timeline ({@code alarm_step}), live feed, family
 * notices, idempotency keys and the per-elder lock. Every status change is a conditional update that answers how
 * many rows it changed, so the services can tell who won a race.
 */
@Repository
@RequiredArgsConstructor
public class AlarmRepository {

	private final JdbcClient jdbc;

	/** The few columns the services decide on. */
	record AlarmRow(long id, long elderId, String path, AlarmStatus status, int stage, int timerSeq, int escalationLevel,
			String responderUsername, String responderName, Instant raisedAt) {
	}

	/** Who stands at one stage of the chain. */
	record Asked(String username, String displayName) {
	}

	private static final String SELECT_ROW = "SELECT id, elder_id, territory_path, status, stage, timer_seq, escalation_level,"
			+ " responder_username, responder_name, raised_at FROM alarm";

	private static AlarmRow mapRow(ResultSet rs, int n) throws SQLException {
		return new AlarmRow(rs.getLong(1), rs.getLong(2), rs.getString(3), AlarmStatus.valueOf(rs.getString(4)),
				rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), instant(rs, 10));
	}

	Optional<AlarmRow> findRow(long id) {
		return jdbc.sql(SELECT_ROW + " WHERE id = ?").param(id).query(AlarmRepository::mapRow).optional();
	}

	AlarmRow row(long id) {
		return jdbc.sql(SELECT_ROW + " WHERE id = ?").param(id).query(AlarmRepository::mapRow).single();
	}

	// ------------------------------------------------------------------ raising

	Optional<Long> openAlarmPressedSince(long elderId, Instant since) {
		return jdbc.sql("""
				SELECT id FROM alarm WHERE elder_id = ? AND status <> 'RESOLVED' AND last_press_at >= ?
				ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
			.params(elderId, ts(since)).query(Long.class).optional();
	}

	void pressAgain(long id, Instant now) {
		jdbc.sql("UPDATE alarm SET presses = presses + 1, last_press_at = ?, version = version + 1 WHERE id = ?")
			.params(ts(now), id).update();
	}

	long insertAlarm(ElderLocation elder, String deviceId, AlarmKind kind, AlarmChannel channel, Instant occurred,
			Instant now, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO alarm (elder_id, community_id, territory_path, latitude, longitude, device_id, kind, channel,
				  status, occurred_at, raised_at, last_press_at, raised_by)
				VALUES (:elder, :community, :path, :lat, :lon, :device, :kind, :channel, 'RAISED', :occurred, :now, :now, :by)""")
			.param("elder", elder.elderId()).param("community", elder.communityId()).param("path", elder.territoryPath())
			.param("lat", elder.latitude()).param("lon", elder.longitude()).param("device", deviceId)
			.param("kind", kind.name()).param("channel", channel.name()).param("occurred", ts(occurred))
			.param("now", ts(now)).param("by", by)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void insertDispatch(long alarmId, int stage, String username, String displayName, DutyRole role, Integer distance) {
		jdbc.sql("""
				INSERT INTO alarm_dispatch (alarm_id, stage, username, display_name, duty_role, distance_m)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(alarmId, stage, username, displayName, role.name(), distance)
			.update();
	}

	void markNotified(long id, Instant now) {
		jdbc.sql("UPDATE alarm SET status = 'NOTIFIED', notified_at = ? WHERE id = ?").params(ts(now), id).update();
	}

	void insertFamilyNotice(long alarmId, int priority, String name, String relation, Instant now) {
		jdbc.sql("""
				INSERT INTO alarm_family_notice (alarm_id, priority, contact_name, relation, status, created_at)
				VALUES (?, ?, ?, ?, 'PENDING', ?)""")
			.params(alarmId, priority, name, relation, ts(now)).update();
	}

	/** Takes the elder's row lock (creating the row on first use) until the transaction ends. */
	void lockElder(long elderId, Instant now) {
		int touched = jdbc.sql("UPDATE alarm_elder_lock SET touched_at = ? WHERE elder_id = ?").params(ts(now), elderId).update();
		if (touched == 0) {
			try {
				jdbc.sql("INSERT INTO alarm_elder_lock (elder_id, touched_at) VALUES (?, ?)").params(elderId, ts(now)).update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("UPDATE alarm_elder_lock SET touched_at = ? WHERE elder_id = ?").params(ts(now), elderId).update();
			}
		}
	}

	Optional<Long> replayed(String caller, String key) {
		return jdbc.sql("SELECT alarm_id FROM alarm_idempotency WHERE caller = ? AND idem_key = ?")
			.params(caller, key).query(Long.class).optional();
	}

	void remember(String caller, String key, long alarmId, Instant now) {
		jdbc.sql("INSERT INTO alarm_idempotency (caller, idem_key, alarm_id, created_at) VALUES (?, ?, ?, ?)")
			.params(caller, key, alarmId, ts(now)).update();
	}

	// ------------------------------------------------------------------ the responder's steps

	int acknowledge(long id, Instant now, String username, String name) {
		return jdbc.sql("""
				UPDATE alarm SET status = 'ACKNOWLEDGED', acknowledged_at = :now, responder_username = :u,
				  responder_name = :name, timer_seq = timer_seq + 1, version = version + 1
				WHERE id = :id AND status IN ('RAISED', 'NOTIFIED')""")
			.param("now", ts(now)).param("u", username).param("name", name)
			.param("id", id).update();
	}

	int enRoute(long id, Instant now) {
		return jdbc.sql("UPDATE alarm SET status = 'EN_ROUTE', en_route_at = ?, version = version + 1 WHERE id = ? AND status = 'ACKNOWLEDGED'")
			.params(ts(now), id).update();
	}

	int arrive(long id, Instant now) {
		return jdbc.sql("""
				UPDATE alarm SET status = 'ARRIVED', arrived_at = ?, timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND status IN ('ACKNOWLEDGED', 'EN_ROUTE')""").params(ts(now), id).update();
	}

	int resolve(long id, Instant now, AlarmOutcome outcome, String note) {
		return jdbc.sql("""
				UPDATE alarm SET status = 'RESOLVED', resolved_at = ?, outcome = ?, outcome_note = ?,
				  timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND status <> 'RESOLVED'""").params(ts(now), outcome.name(), note, id).update();
	}

	int familyContacted(long id, int priority, boolean reached, Instant now, String by) {
		return jdbc.sql("UPDATE alarm_family_notice SET status = ?, updated_at = ?, updated_by = ? WHERE alarm_id = ? AND priority = ?")
			.params(reached ? "REACHED" : "UNREACHABLE", ts(now), by, id, priority).update();
	}

	boolean inChain(long alarmId, String username) {
		return jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ? AND username = ?")
			.params(alarmId, username).query(Long.class).single() > 0;
	}

	/** The name the chain (or else the roster) knows the account by. */
	Optional<String> displayName(long alarmId, String username) {
		return jdbc.sql("SELECT display_name FROM alarm_dispatch WHERE alarm_id = ? AND username = ? FETCH FIRST 1 ROWS ONLY")
			.params(alarmId, username).query(String.class).optional()
			.or(() -> jdbc.sql("SELECT display_name FROM alarm_responder WHERE username = ?").param(username)
				.query(String.class).optional());
	}

	// ------------------------------------------------------------------ escalation

	int advanceAckTimer(long id, int seq) {
		return jdbc.sql("""
				UPDATE alarm SET timer_seq = timer_seq + 1, version = version + 1
				WHERE id = ? AND timer_seq = ? AND status IN ('RAISED', 'NOTIFIED')""").params(id, seq).update();
	}

	int advanceArrivalTimer(long id, int seq) {
		return jdbc.sql("""
				UPDATE alarm SET timer_seq = timer_seq + 1, arrival_overdue = TRUE, escalation_level = escalation_level + 1,
				  version = version + 1
				WHERE id = ? AND timer_seq = ? AND status IN ('ACKNOWLEDGED', 'EN_ROUTE')""").params(id, seq).update();
	}

	int stages(long alarmId) {
		return jdbc.sql("SELECT COUNT(*) FROM alarm_dispatch WHERE alarm_id = ?").param(alarmId).query(Long.class).single().intValue();
	}

	void escalateTo(long id, int stage, Instant now) {
		jdbc.sql("UPDATE alarm SET stage = ?, escalation_level = escalation_level + 1, status = 'NOTIFIED', notified_at = COALESCE(notified_at, ?) WHERE id = ?")
			.params(stage, ts(now), id).update();
	}

	void setStage(long id, int stage) {
		jdbc.sql("UPDATE alarm SET stage = ? WHERE id = ?").params(stage, id).update();
	}

	Asked asked(long alarmId, int stage) {
		return jdbc.sql("SELECT username, display_name FROM alarm_dispatch WHERE alarm_id = ? AND stage = ?")
			.params(alarmId, stage).query((rs, n) -> new Asked(rs.getString(1), rs.getString(2))).single();
	}

	void markStageNotified(long alarmId, int stage, Instant now) {
		jdbc.sql("UPDATE alarm_dispatch SET notified_at = COALESCE(notified_at, ?) WHERE alarm_id = ? AND stage = ?")
			.params(ts(now), alarmId, stage).update();
	}

	// ------------------------------------------------------------------ the desk's lists

	List<Long> openIds(boolean area, String prefix, String username) {
		return jdbc.sql("""
				SELECT id FROM alarm WHERE status <> 'RESOLVED' AND ((:area AND territory_path LIKE :prefix)
				  OR id IN (SELECT alarm_id FROM alarm_dispatch WHERE username = :u))
				ORDER BY raised_at, id FETCH FIRST 200 ROWS ONLY""")
			.param("area", area).param("prefix", prefix).param("u", username).query(Long.class).list();
	}

	/** How many alarms under a territory path pattern are not resolved. */
	public long countOpen(String pathPattern) {
		return jdbc.sql("SELECT COUNT(*) FROM alarm WHERE status <> 'RESOLVED' AND territory_path LIKE :prefix")
			.param("prefix", pathPattern).query(Long.class).single();
	}

	List<Long> resolvedIds(boolean area, String prefix, String username, int limit) {
		return jdbc.sql("""
				SELECT id FROM alarm WHERE status = 'RESOLVED' AND ((:area AND territory_path LIKE :prefix)
				  OR id IN (SELECT alarm_id FROM alarm_dispatch WHERE username = :u))
				ORDER BY resolved_at DESC, id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("area", area).param("prefix", prefix).param("u", username).param("limit", limit)
			.query(Long.class).list();
	}

	List<Long> elderAlarmIds(long elderId, int limit) {
		return jdbc.sql("SELECT id FROM alarm WHERE elder_id = ? ORDER BY raised_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.param(elderId).query(Long.class).list();
	}

	List<FamilyNotice> familyNotices(long alarmId) {
		return jdbc.sql("SELECT priority, contact_name, relation, status FROM alarm_family_notice WHERE alarm_id = ? ORDER BY priority")
			.param(alarmId).query((rs, n) -> new FamilyNotice(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	// ------------------------------------------------------------------ the live feed

	List<FeedRow> feedAfter(long lastId, String username, boolean staff, String prefix) {
		return jdbc.sql("""
				SELECT id, alarm_id, kind, recipient, territory_path, created_at FROM alarm_feed
				WHERE id > :last AND (recipient = :u OR (recipient IS NULL AND :staff AND territory_path LIKE :prefix))
				ORDER BY id FETCH FIRST 100 ROWS ONLY""")
			.param("last", lastId).param("u", username).param("staff", staff).param("prefix", prefix)
			.query(AlarmRepository::feedRow).list();
	}

	List<FeedRow> feedSince(Instant since) {
		return jdbc.sql("""
				SELECT id, alarm_id, kind, recipient, territory_path, created_at FROM alarm_feed
				WHERE created_at >= ? ORDER BY id FETCH FIRST 2000 ROWS ONLY""")
			.param(ts(since)).query(AlarmRepository::feedRow).list();
	}

	private static FeedRow feedRow(ResultSet rs, int n) throws SQLException {
		return new FeedRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6));
	}

	long newestFeedId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM alarm_feed").query(Long.class).single();
	}

	void feed(long alarmId, String path, String recipient, String kind, Instant at) {
		jdbc.sql("INSERT INTO alarm_feed (alarm_id, territory_path, recipient, kind, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(alarmId, path, recipient, kind, ts(at)).update();
	}

	void step(long alarmId, Instant at, String kind, String actor, String detail) {
		jdbc.sql("INSERT INTO alarm_step (alarm_id, happened_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(alarmId, ts(at), kind, actor, detail == null ? null : truncate(detail, 1000)).update();
	}

	// ------------------------------------------------------------------ one alarm in full

	AlarmView view(long id) {
		List<AlarmStep> timeline = jdbc.sql("SELECT happened_at, kind, actor, detail FROM alarm_step WHERE alarm_id = ? ORDER BY id")
			.param(id).query((rs, n) -> new AlarmStep(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
		List<AlarmView.DispatchStage> chain = jdbc.sql("""
				SELECT stage, username, display_name, duty_role, distance_m, notified_at FROM alarm_dispatch
				WHERE alarm_id = ? ORDER BY stage""")
			.param(id)
			.query((rs, n) -> new AlarmView.DispatchStage(rs.getInt(1), rs.getString(2), rs.getString(3),
					DutyRole.valueOf(rs.getString(4)), rs.getObject(5, Integer.class), instant(rs, 6)))
			.list();
		return jdbc.sql("""
				SELECT id, status, kind, channel, elder_id, community_id, device_id, escalation_level, responder_name,
				  responder_username, stage, occurred_at, raised_at, notified_at, acknowledged_at, en_route_at, arrived_at,
				  resolved_at, arrival_overdue, presses, outcome, outcome_note FROM alarm WHERE id = ?""")
			.param(id)
			.query((rs, n) -> {
				AlarmStatus status = AlarmStatus.valueOf(rs.getString(2));
				int stage = rs.getInt(11);
				String asked = AlarmStatus.UNACKNOWLEDGED.contains(status) && stage < chain.size() ? chain.get(stage).name() : null;
				String outcome = rs.getString(21);
				return new AlarmView(rs.getLong(1), status, AlarmKind.valueOf(rs.getString(3)),
						AlarmChannel.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getInt(8),
						rs.getString(9), rs.getString(10), asked, instant(rs, 12), instant(rs, 13), instant(rs, 14),
						instant(rs, 15), instant(rs, 16), instant(rs, 17), instant(rs, 18), rs.getBoolean(19), rs.getInt(20),
						outcome == null ? null : AlarmOutcome.valueOf(outcome), rs.getString(22), timeline, chain);
			})
			.single();
	}

	// ------------------------------------------------------------------ the report and the bulk load

	List<AlarmReport.Row> reportRows(String prefix, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT raised_at, acknowledged_at, arrived_at, escalation_level, arrival_overdue, outcome, kind, status
				FROM alarm WHERE territory_path LIKE ? AND raised_at >= ? AND raised_at < ?""")
			.params(prefix, ts(from), ts(to))
			.query((rs, n) -> new AlarmReport.Row(instant(rs, 1), instant(rs, 2), instant(rs, 3),
					rs.getInt(4), rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/** An alarm as the indicators count it. */
	public record IndicatorRow(long id, String kind, Long communityId, Instant raised, Instant acknowledged,
			Instant arrived, boolean arrivalOverdue) {
	}

	/** The alarms raised in the period under a path, oldest first, for the indicators. */
	public List<IndicatorRow> indicatorRows(String prefix, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT id, kind, community_id, raised_at, acknowledged_at, arrived_at, arrival_overdue
				FROM alarm WHERE territory_path LIKE ? AND raised_at >= ? AND raised_at < ? ORDER BY raised_at, id""")
			.params(prefix, ts(from), ts(to))
			.query((rs, n) -> new IndicatorRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
					instant(rs, 4), instant(rs, 5), instant(rs, 6), rs.getBoolean(7)))
			.list();
	}

	/** A past, resolved alarm as it was (the bulk load), with its four steps. */
	long insertResolved(ElderLocation e, AlarmKind kind, AlarmChannel channel, int level, String responder,
			String responderName, Instant raised, Instant acked, Instant enRoute, Instant arrived, Instant resolved,
			AlarmOutcome outcome, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO alarm (elder_id, community_id, territory_path, latitude, longitude, kind, channel, status,
				  escalation_level, responder_username, responder_name, occurred_at, raised_at, notified_at, acknowledged_at,
				  en_route_at, arrived_at, resolved_at, last_press_at, outcome, raised_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'RESOLVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(e.elderId(), e.communityId(), e.territoryPath(), e.latitude(), e.longitude(), kind.name(),
					channel.name(), level, responder, responderName, ts(raised), ts(raised), ts(raised), ts(acked),
					ts(enRoute), ts(arrived), ts(resolved), ts(raised), outcome.name(), by)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	// ------------------------------------------------------------------ helpers

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : i.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}

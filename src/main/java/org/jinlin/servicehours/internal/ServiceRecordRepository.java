package org.jinlin.servicehours.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.servicehours.internal.LedgerViews.ServiceRecordView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of service records and registrations to serve: recorded once each, never changed; a record whose
 * service transfer was reversed no longer counts.
 */
@Repository
@RequiredArgsConstructor
public class ServiceRecordRepository {

	/** How often a person served and how many problems she solved (reversed records excluded). */
	public record Counts(long personTimes, long problemsSolved) {
	}

	/** The service of a territory: people who served, person-times, hours, problems solved. */
	record Totals(long people, long personTimes, BigDecimal hours, long problemsSolved) {
	}

	/** One record for the monthly trend. */
	record Dated(OffsetDateTime deliveredAt, BigDecimal hours, boolean problemSolved) {
	}

	private static final String NOT_REVERSED = """
			NOT EXISTS (SELECT 1 FROM ledger_transfer t JOIN ledger_transfer v ON v.reverses_id = t.id
				WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')""";

	private final JdbcClient jdbc;

	/** Inserts the record with these (capped) hours; empty when the same source, reference and person exist. */
	Optional<Long> insert(ServiceDelivered s, BigDecimal hours) {
		var keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO service_record (person_key, person_name, community_id, territory_path, source, source_ref,
					category, content, hours, problem_solved, elderly_care, delivered_at, confirmed_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(s.personKey(), trim(s.personName(), 120), s.communityId(), s.territoryPath(), s.source().name(),
					trim(s.sourceRef(), 200), trim(s.category(), 40), trim(s.content(), 500), hours, s.problemSolved(),
					s.elderlyCare(), OffsetDateTime.ofInstant(s.deliveredAt(), ZoneOffset.UTC), trim(s.confirmedBy(), 100),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return inserted == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
	}

	void insertParticipant(ParticipantRegistered p) {
		jdbc.sql("""
				INSERT INTO service_participant (person_key, kind, community_id, territory_path, registered_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(p.personKey(), p.kind().name(), p.communityId(), p.territoryPath(),
					OffsetDateTime.ofInstant(p.at(), ZoneOffset.UTC))
			.update();
	}

	public Counts counts(String personKey) {
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.problem_solved THEN 1 ELSE 0 END), 0)
				FROM service_record r WHERE r.person_key = ? AND""" + " " + NOT_REVERSED)
			.param(personKey)
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** A person's records, latest first. */
	List<ServiceRecordView> recordsOf(String personKey, int limit) {
		return records("r.person_key = ?", List.of(personKey), limit);
	}

	/** A person's records served under the path pattern, latest first. */
	List<ServiceRecordView> recordsOf(String personKey, String pathPattern, int limit) {
		return records("r.person_key = ? AND r.territory_path LIKE ?", List.of(personKey, pathPattern), limit);
	}

	private List<ServiceRecordView> records(String where, List<Object> params, int limit) {
		return jdbc.sql("""
				SELECT r.id, r.person_key, r.person_name, r.source, r.source_ref, r.category, r.content, r.hours,
					r.problem_solved, r.elderly_care, r.delivered_at, r.confirmed_by,
					(SELECT MIN(t.id) FROM ledger_transfer t WHERE t.service_record_id = r.id AND t.kind = 'SERVICE'),
					(SELECT COUNT(*) FROM ledger_transfer t JOIN ledger_transfer v ON v.reverses_id = t.id
						WHERE t.service_record_id = r.id AND t.kind = 'SERVICE')
				FROM service_record r WHERE """ + " " + where + " ORDER BY r.delivered_at DESC, r.id DESC LIMIT " + limit)
			.params(params)
			.query((rs, n) -> new ServiceRecordView(rs.getLong(1), rs.getString(2), rs.getString(3),
					ServiceSource.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getBigDecimal(8), rs.getBoolean(9), rs.getBoolean(10),
					rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12), rs.getObject(13, Long.class),
					rs.getLong(14) > 0))
			.list();
	}

	/** Registrations to serve under the path, by kind. */
	Map<String, Long> registrationsByKind(String path) {
		Map<String, Long> regs = new LinkedHashMap<>();
		jdbc.sql("SELECT kind, COUNT(*) FROM service_participant WHERE territory_path LIKE ? GROUP BY kind")
			.param(path + "%")
			.query((rs, n) -> regs.put(rs.getString(1), rs.getLong(2)))
			.list();
		return regs;
	}

	Totals totals(String path) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT r.person_key), COUNT(*), COALESCE(SUM(r.hours), 0),
					COALESCE(SUM(CASE WHEN r.problem_solved THEN 1 ELSE 0 END), 0)
				FROM service_record r WHERE r.territory_path LIKE ? AND """ + " " + NOT_REVERSED)
			.param(path + "%")
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2), rs.getLong(4)))
			.single();
	}

	/** A service record as the hours indicator counts it: no person, only where, when, what kind and how long. */
	public record HoursRow(long id, String source, long communityId, OffsetDateTime deliveredAt, BigDecimal hours) {
	}

	/** The records (not reversed) delivered under the path in [from, to), oldest first. */
	public List<HoursRow> deliveredBetween(String path, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT r.id, r.source, r.community_id, r.delivered_at, r.hours FROM service_record r"
				+ " WHERE r.territory_path LIKE ? AND r.delivered_at >= ? AND r.delivered_at < ? AND " + NOT_REVERSED
				+ " ORDER BY r.delivered_at, r.id")
			.params(path + "%", from, to)
			.query((rs, n) -> new HoursRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getObject(4, OffsetDateTime.class), rs.getBigDecimal(5)))
			.list();
	}

	/** Records delivered under the path since {@code from}. */
	List<Dated> deliveredSince(String path, OffsetDateTime from) {
		return jdbc.sql("SELECT r.delivered_at, r.hours, r.problem_solved FROM service_record r WHERE r.territory_path LIKE ?"
				+ " AND r.delivered_at >= ? AND " + NOT_REVERSED)
			.params(path + "%", from)
			.query((rs, n) -> new Dated(rs.getObject(1, OffsetDateTime.class), rs.getBigDecimal(2), rs.getBoolean(3)))
			.list();
	}

	/** When registrations under the path since {@code from} were made. */
	List<OffsetDateTime> registeredSince(String path, OffsetDateTime from) {
		return jdbc.sql("SELECT registered_at FROM service_participant WHERE territory_path LIKE ? AND registered_at >= ?")
			.params(path + "%", from)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list();
	}

	private static String trim(String s, int max) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.length() > max ? t.substring(0, max) : t;
	}
}

package org.jinlin.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code audit_event}; the scoping is decided by {@link AuditLog}. */
@Repository
@RequiredArgsConstructor
public class AuditRepository {

	/** Dates in filters are calendar days in the city's time zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String COLUMNS = "id, occurred_at, actor, action, subject_type, subject_id, territory_path, remote_address, detail";

	private final JdbcClient jdbc;

	void insert(Instant at, String actor, AuditAction action, String subjectType, String subjectId, String territoryPath,
			String remoteAddress, String detail) {
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, territory_path,
				  remote_address, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(OffsetDateTime.ofInstant(at == null ? Instant.now() : at, ZoneOffset.UTC), cut(actor, 120),
					action.name(), subjectType, cut(subjectId, 120), territoryPath, cut(remoteAddress, 64), cut(detail, 1000))
			.update();
	}

	long count(Scope scope, AuditQuery query) {
		Where where = where(scope, query);
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE " + where.sql).params(where.params).query(Long.class).single();
	}

	List<AuditEntry> page(Scope scope, AuditQuery query, int page, int size) {
		Where where = where(scope, query);
		Map<String, Object> params = new LinkedHashMap<>(where.params);
		params.put("limit", size);
		params.put("offset", (long) page * size);
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where.sql
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params).query(AuditRepository::map).list();
	}

	void each(Scope scope, AuditQuery query, int limit, Consumer<AuditEntry> consumer) {
		Where where = where(scope, query);
		Map<String, Object> params = new LinkedHashMap<>(where.params);
		params.put("limit", limit);
		try (var rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where.sql
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit").params(params).query(AuditRepository::map).stream()) {
			rows.forEach(consumer);
		}
	}

	/**
	 * The rows an actor may see: those whose territory path starts with {@code likePattern};
	 * rows without a territory (failed sign-ins of unknown names) only for the city level.
	 */
	record Scope(String likePattern, boolean includeUnscoped) {
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(Scope scope, AuditQuery q) {
		StringBuilder sql = new StringBuilder(scope.includeUnscoped()
				? "(territory_path LIKE :prefix OR territory_path IS NULL)" : "territory_path LIKE :prefix");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", scope.likePattern());
		if (q.action() != null) {
			sql.append(" AND action = :action");
			params.put("action", q.action().name());
		}
		if (q.actor() != null && !q.actor().isBlank()) {
			sql.append(" AND actor = :actor");
			params.put("actor", q.actor().trim());
		}
		if (q.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", q.from().atStartOfDay(ZONE).toOffsetDateTime());
		}
		if (q.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", q.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
		}
		return new Where(sql.toString(), params);
	}

	/** For free text typed by staff: digit runs as long as a phone or ID number never reach the log in clear. */
	private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("\\d{7,}[\\dXx]*");

	static String scrub(String detail) {
		return detail == null ? null : LONG_NUMBER.matcher(detail).replaceAll(m -> Masking.idNumber(m.group()));
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("territory_path"), rs.getString("remote_address"),
				rs.getString("detail"));
	}
}

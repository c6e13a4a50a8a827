package org.jinlin.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed sign-ins and the throttles they started ({@code sign_in_failure}, {@code sign_in_throttle}). */
@Repository
@RequiredArgsConstructor
public class SignInThrottleRepository {

	/** What a throttle refuses: one account name from a source, or every name from a source. */
	public enum Scope {
		ACCOUNT, SOURCE
	}

	/** A throttle; {@code accountName} is empty for a whole source. */
	public record ThrottleRow(long id, Scope scope, String accountName, String source, String territoryPath,
			int failures, Instant throttledAt, Instant throttledUntil) {
	}

	private static final String COLUMNS = "id, scope, account_name, source, territory_path, failures, throttled_at, throttled_until";

	private final JdbcClient jdbc;

	void insertFailure(String accountName, String source, Instant at) {
		jdbc.sql("INSERT INTO sign_in_failure (account_name, source, failed_at) VALUES (?, ?, ?)")
			.params(accountName, source, utc(at)).update();
	}

	/** Forgets failures that no longer count, and throttles that are over. */
	void deleteStale(Instant windowStart, Instant now) {
		jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at < ?").param(utc(windowStart)).update();
		jdbc.sql("DELETE FROM sign_in_throttle WHERE throttled_until <= ?").param(utc(now)).update();
	}

	long countFailures(String accountName, String source, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE source = ? AND account_name = ? AND failed_at >= ?")
			.params(source, accountName, utc(since)).query(Long.class).single();
	}

	long countFailuresFrom(String source, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE source = ? AND failed_at >= ?")
			.params(source, utc(since)).query(Long.class).single();
	}

	/** After a successful sign-in, or when a throttle of one name is cleared: the pair starts afresh. */
	void deleteFailures(String accountName, String source) {
		jdbc.sql("DELETE FROM sign_in_failure WHERE source = ? AND account_name = ?").params(source, accountName).update();
	}

	/** When a throttle of a whole source is cleared: the source starts afresh. */
	void deleteFailuresFrom(String source) {
		jdbc.sql("DELETE FROM sign_in_failure WHERE source = ?").param(source).update();
	}

	/**
	 * Starts a throttle unless one with the same key exists (another instance may start it at the same moment);
	 * returns the new throttle, or empty when it already existed.
	 */
	Optional<ThrottleRow> start(Scope scope, String accountName, String source, String territoryPath, int failures,
			Instant at, Instant until) {
		int inserted = jdbc.sql("""
				INSERT INTO sign_in_throttle (scope, account_name, source, territory_path, failures, throttled_at,
				  throttled_until) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(scope.name(), accountName, source, territoryPath, failures, utc(at), utc(until))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_throttle WHERE scope = ? AND account_name = ? AND source = ?")
			.params(scope.name(), accountName, source).query(SignInThrottleRepository::row).optional();
	}

	/** The end of the longest pause refusing this name from this source, if any is running. */
	Optional<Instant> pausedUntil(String accountName, String source, Instant now) {
		OffsetDateTime until = jdbc.sql("""
				SELECT MAX(throttled_until) FROM sign_in_throttle
				WHERE source = ? AND throttled_until > ? AND (scope = 'SOURCE' OR account_name = ?)""")
			.params(source, utc(now), accountName).query(OffsetDateTime.class).optional().orElse(null);
		return Optional.ofNullable(until).map(OffsetDateTime::toInstant);
	}

	/**
	 * Running throttles under {@code likePattern}, latest first; with {@code includeUnscoped} also those without a
	 * territory (unknown names, whole sources).
	 */
	List<ThrottleRow> running(Instant now, String likePattern, boolean includeUnscoped, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_throttle WHERE " + scoped(includeUnscoped)
				+ " ORDER BY throttled_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(utc(now), likePattern, limit, offset).query(SignInThrottleRepository::row).list();
	}

	long countRunning(Instant now, String likePattern, boolean includeUnscoped) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE " + scoped(includeUnscoped))
			.params(utc(now), likePattern).query(Long.class).single();
	}

	Optional<ThrottleRow> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM sign_in_throttle WHERE id = ?").param(id)
			.query(SignInThrottleRepository::row).optional();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM sign_in_throttle WHERE id = ?").param(id).update();
	}

	private static String scoped(boolean includeUnscoped) {
		return includeUnscoped ? "throttled_until > ? AND (territory_path LIKE ? OR territory_path IS NULL)"
				: "throttled_until > ? AND territory_path LIKE ?";
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static ThrottleRow row(ResultSet rs, int i) throws SQLException {
		return new ThrottleRow(rs.getLong("id"), Scope.valueOf(rs.getString("scope")), rs.getString("account_name"),
				rs.getString("source"), rs.getString("territory_path"), rs.getInt("failures"),
				rs.getObject("throttled_at", OffsetDateTime.class).toInstant(),
				rs.getObject("throttled_until", OffsetDateTime.class).toInstant());
	}
}

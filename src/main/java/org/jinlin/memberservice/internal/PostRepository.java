package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberViews.Need;
import org.jinlin.memberservice.internal.MemberViews.Post;
import org.jinlin.memberservice.internal.MemberViews.Signup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.jinlin.memberservice.internal.RegistrationRepository.instant;

/**
 * The SQL of a community's needs list (需求清单) and service posts (服务岗位) with their sign-ups. A seat is taken with
 * one conditional update, so concurrent sign-ups never exceed the headcount. Views come back without the
 * community's name; the services add it.
 */
@Repository
@RequiredArgsConstructor
public class PostRepository {

	/** A post's header, for a sign-up. */
	record PostHeader(long id, long communityId, String territoryPath, String status) {
	}

	private final JdbcClient jdbc;

	public long insertNeed(long communityId, String territoryPath, String title, String description, String category,
			String status, OffsetDateTime createdAt, String createdBy) {
		return insert("""
				INSERT INTO ms_need (community_id, territory_path, title, description, category, status, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", communityId, territoryPath, title, description, category, status,
				createdAt, createdBy);
	}

	List<Need> needsUnder(String pathPattern) {
		return jdbc.sql("SELECT * FROM ms_need WHERE territory_path LIKE ? ORDER BY created_at DESC, id DESC LIMIT 500")
			.param(pathPattern)
			.query((rs, n) -> new Need(rs.getLong("id"), rs.getLong("community_id"), null, rs.getString("title"),
					rs.getString("description"), rs.getString("category"), rs.getString("status"),
					instant(rs, "created_at")))
			.list();
	}

	public long insertPost(long communityId, String territoryPath, String title, String description, String category,
			LocalDate serviceDate, BigDecimal hours, int headcount, int taken, String status, OffsetDateTime createdAt,
			String createdBy) {
		return insert("""
				INSERT INTO ms_post (community_id, territory_path, title, description, category, service_date, hours,
				  headcount, taken, status, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", communityId, territoryPath, title, description, category,
				serviceDate, hours, headcount, taken, status, createdAt, createdBy);
	}

	List<Post> postsUnder(String pathPattern, Set<Long> signedUp) {
		return jdbc.sql("SELECT * FROM ms_post WHERE territory_path LIKE ? ORDER BY service_date DESC, id DESC LIMIT 500")
			.param(pathPattern).query((rs, n) -> post(rs, signedUp)).list();
	}

	Post post(long id) {
		return jdbc.sql("SELECT * FROM ms_post WHERE id = ?").param(id).query((rs, n) -> post(rs, Set.of())).single();
	}

	Optional<PostHeader> header(long id) {
		return jdbc.sql("SELECT id, community_id, territory_path, status FROM ms_post WHERE id = ?").param(id)
			.query((rs, n) -> new PostHeader(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
	}

	/** The posts the user signed up for (through any of her registrations). */
	Set<Long> signedUpPostIds(String username) {
		return jdbc.sql("""
				SELECT s.post_id FROM ms_post_signup s JOIN ms_registration r ON r.id = s.registration_id
				WHERE r.username = ?""").param(username).query(Long.class).set();
	}

	boolean signedUp(long postId, long registrationId) {
		return jdbc.sql("SELECT COUNT(*) FROM ms_post_signup WHERE post_id = ? AND registration_id = ?")
			.params(postId, registrationId).query(Long.class).single() > 0;
	}

	/** Takes a seat if the post is open and not full. */
	boolean takeSeat(long postId) {
		return jdbc.sql("UPDATE ms_post SET taken = taken + 1 WHERE id = ? AND status = 'OPEN' AND taken < headcount")
			.param(postId).update() > 0;
	}

	/** Inserts a sign-up; a repeat is a {@code DuplicateKeyException}. */
	public long insertSignup(long postId, long registrationId, OffsetDateTime signedAt) {
		return insert("INSERT INTO ms_post_signup (post_id, registration_id, signed_at) VALUES (?, ?, ?)", postId,
				registrationId, signedAt);
	}

	/** The sign-ups of these registrations; {@code communityName} holds the community's id until the service names it. */
	List<Signup> signups(List<Long> registrationIds) {
		return jdbc.sql("""
				SELECT s.id, s.post_id, s.registration_id, p.title, p.service_date, p.hours, p.community_id, s.signed_at
				FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE s.registration_id IN (:ids) ORDER BY p.service_date DESC, s.id DESC""")
			.param("ids", registrationIds)
			.query((rs, n) -> new Signup(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), String.valueOf(rs.getLong(7)),
					instant(rs, "signed_at")))
			.list();
	}

	/** Sign-ups for posts under the path whose day has come. */
	long servedSignups(String pathPattern) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE p.territory_path LIKE ? AND p.service_date <= CURRENT_DATE""").param(pathPattern)
			.query(Long.class).single();
	}

	BigDecimal servedHours(String pathPattern) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(p.hours), 0) FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE p.territory_path LIKE ? AND p.service_date <= CURRENT_DATE""").param(pathPattern)
			.query(BigDecimal.class).single();
	}

	/** A shift served, for a quarterly report, before the community's name is known. */
	record Shift(LocalDate date, String title, long communityId, BigDecimal hours) {
	}

	/** The shifts the registration served in the period (up to today). */
	List<Shift> shiftsOf(long registrationId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT p.service_date, p.title, p.community_id, p.hours FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE s.registration_id = ? AND p.service_date >= ? AND p.service_date <= ? AND p.service_date <= CURRENT_DATE
				ORDER BY p.service_date""")
			.params(registrationId, from, to)
			.query((rs, n) -> new Shift(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getBigDecimal(4)))
			.list();
	}

	private static Post post(ResultSet rs, Set<Long> mine) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("community_id"), null, rs.getString("title"),
				rs.getString("description"), rs.getString("category"), rs.getObject("service_date", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getInt("headcount"), rs.getInt("taken"), rs.getString("status"),
				mine.contains(rs.getLong("id")));
	}

	private long insert(String sql, Object... params) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}
}

package org.jinlin.memberservice.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static org.jinlin.memberservice.internal.RegistrationRepository.instant;

/** The SQL of micro-wishes (微心愿): posted, claimed, delivered, confirmed or cancelled; each move checks the version. */
@Repository
@RequiredArgsConstructor
public class WishRepository {

	/** A wish as stored. */
	public record StoredWish(long id, long communityId, String territoryPath, String title, String description,
			String category, LocalDate deadline, String wisherUsername, Long wisherResidentId, String wisherName,
			boolean elderly, WishStatus status, String claimerKind, String claimerKey, String claimerName,
			Long claimerRegistrationId, Instant claimedAt, String deliveryNote, BigDecimal hours, Instant deliveredAt,
			String confirmedBy, Instant confirmedAt, Instant createdAt, int version) {

		boolean isWisher(Actor actor) {
			return (wisherUsername != null && wisherUsername.equals(actor.name()))
					|| (wisherResidentId != null && actor.has(Role.RESIDENT) && wisherResidentId.equals(actor.residentId()));
		}

		boolean isClaimer(Actor actor) {
			return claimerKey != null && claimerKey.equals(actor.name());
		}
	}

	/** A new wish's row, in whatever state an import brings it (a posted wish is OPEN with no claim). */
	public record NewWish(long communityId, String territoryPath, String title, String description, String category,
			LocalDate deadline, String wisherUsername, Long wisherResidentId, String wisherName, boolean elderly,
			String postedBy, String status, OffsetDateTime createdAt, String claimerKind, String claimerKey,
			String claimerName, Long claimerRegistrationId, OffsetDateTime claimedAt, String deliveryNote,
			BigDecimal hours, OffsetDateTime deliveredAt, String confirmedBy, OffsetDateTime confirmedAt,
			OffsetDateTime cancelledAt) {

		/** A wish just posted. */
		static NewWish posted(long communityId, String territoryPath, String title, String description, String category,
				LocalDate deadline, String wisherUsername, Long wisherResidentId, String wisherName, boolean elderly,
				String postedBy, OffsetDateTime createdAt) {
			return new NewWish(communityId, territoryPath, title, description, category, deadline, wisherUsername,
					wisherResidentId, wisherName, elderly, postedBy, "OPEN", createdAt, null, null, null, null, null, null,
					null, null, null, null, null);
		}
	}

	private final JdbcClient jdbc;

	public long insert(NewWish w) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO ms_wish (community_id, territory_path, title, description, category, deadline, wisher_username,
				  wisher_resident_id, wisher_name, wisher_elderly, posted_by, status, created_at, claimer_kind, claimer_key,
				  claimer_name, claimer_registration_id, claimed_at, delivery_note, hours, delivered_at, confirmed_by,
				  confirmed_at, cancelled_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(w.communityId(), w.territoryPath(), w.title(), w.description(), w.category(), w.deadline(),
					w.wisherUsername(), w.wisherResidentId(), w.wisherName(), w.elderly(), w.postedBy(), w.status(),
					w.createdAt(), w.claimerKind(), w.claimerKey(), w.claimerName(), w.claimerRegistrationId(),
					w.claimedAt(), w.deliveryNote(), w.hours(), w.deliveredAt(), w.confirmedBy(), w.confirmedAt(),
					w.cancelledAt())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<StoredWish> find(long id) {
		return jdbc.sql("SELECT * FROM ms_wish WHERE id = ?").param(id).query(WishRepository::stored).optional();
	}

	/** Staff: the wishes under the path, of a status or all, latest first. */
	List<StoredWish> under(String pathPattern, WishStatus status) {
		return jdbc.sql("SELECT * FROM ms_wish WHERE territory_path LIKE ?"
				+ (status != null ? " AND status = '" + status.name() + "'" : "")
				+ " ORDER BY created_at DESC, id DESC LIMIT 1000")
			.param(pathPattern).query(WishRepository::stored).list();
	}

	/** A member, volunteer or resident: her own, those she claimed and the open ones of these communities. */
	List<StoredWish> visibleTo(String username, Long residentId, List<Long> claimableCommunities) {
		var spec = jdbc.sql("SELECT * FROM ms_wish WHERE (wisher_username = :me OR claimer_key = :me"
				+ (residentId != null ? " OR wisher_resident_id = :rid" : "")
				+ " OR (status = 'OPEN' AND community_id IN (:communities))) ORDER BY created_at DESC, id DESC LIMIT 1000")
			.param("me", username)
			.param("communities", claimableCommunities.isEmpty() ? List.of(-1L) : claimableCommunities);
		if (residentId != null) {
			spec = spec.param("rid", residentId);
		}
		return spec.query(WishRepository::stored).list();
	}

	/**
	 * One state change, guarded by the version read: false when a concurrent change came first. {@code set} names
	 * the columns the move writes, with {@code :named} parameters from {@code params}.
	 */
	boolean move(StoredWish w, WishStatus next, String set, Map<String, Object> params) {
		var spec = jdbc.sql("UPDATE ms_wish SET status = :status, version = version + 1, " + set
				+ " WHERE id = :id AND version = :version")
			.param("status", next.name()).param("id", w.id()).param("version", w.version());
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.update() > 0;
	}

	long count(String pathPattern, WishStatus status) {
		return jdbc.sql("SELECT COUNT(*) FROM ms_wish WHERE territory_path LIKE ?"
				+ (status != null ? " AND status = '" + status.name() + "'" : ""))
			.param(pathPattern).query(Long.class).single();
	}

	BigDecimal confirmedHours(String pathPattern) {
		return jdbc.sql("SELECT COALESCE(SUM(hours), 0) FROM ms_wish WHERE status = 'CONFIRMED' AND territory_path LIKE ?")
			.param(pathPattern).query(BigDecimal.class).single();
	}

	/** A line of a quarterly report, before the community's name is known. */
	record Served(Instant at, String title, long communityId, BigDecimal hours) {
	}

	/** Wishes the registration (or its person) had confirmed in the period. */
	List<Served> confirmedFor(long registrationId, String personKey, OffsetDateTime start, OffsetDateTime end) {
		return jdbc.sql("""
				SELECT confirmed_at, title, community_id, hours FROM ms_wish
				WHERE status = 'CONFIRMED' AND (claimer_registration_id = ? OR claimer_key = ?)
				  AND confirmed_at >= ? AND confirmed_at < ? ORDER BY confirmed_at""")
			.params(registrationId, personKey == null ? "-" : personKey, start, end)
			.query((rs, n) -> new Served(instant(rs, "confirmed_at"), rs.getString("title"), rs.getLong("community_id"),
					rs.getBigDecimal("hours")))
			.list();
	}

	static StoredWish stored(ResultSet rs, int n) throws SQLException {
		return new StoredWish(rs.getLong("id"), rs.getLong("community_id"), rs.getString("territory_path"),
				rs.getString("title"), rs.getString("description"), rs.getString("category"),
				rs.getObject("deadline", LocalDate.class), rs.getString("wisher_username"),
				rs.getObject("wisher_resident_id", Long.class), rs.getString("wisher_name"), rs.getBoolean("wisher_elderly"),
				WishStatus.valueOf(rs.getString("status")), rs.getString("claimer_kind"), rs.getString("claimer_key"),
				rs.getString("claimer_name"), rs.getObject("claimer_registration_id", Long.class),
				instant(rs, "claimed_at"), rs.getString("delivery_note"), rs.getBigDecimal("hours"),
				instant(rs, "delivered_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
				instant(rs, "created_at"), rs.getInt("version"));
	}
}

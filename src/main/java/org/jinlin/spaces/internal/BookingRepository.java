package org.jinlin.spaces.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.BookingStatus;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code space_booking}, {@code space_waitlist} and {@code space_feed_token}. */
@Repository
@RequiredArgsConstructor
public class BookingRepository {

	static final String ACTIVE = "('PENDING','CONFIRMED','CHECKED_IN')";

	static final String COLUMNS = "b.id, b.zone_id, b.space_id, b.territory_path, b.start_at, b.end_at, b.status, "
			+ "b.username, b.booked_by, b.unit_name, b.purpose, b.reference, b.series_id, b.checkin_token, "
			+ "b.checked_in_at, b.checked_in_by, b.created_at, z.name AS zone_name, z.kind AS zone_kind, s.name AS space_name";

	static final String FROM = " FROM space_booking b JOIN space_zone z ON z.id = b.zone_id JOIN space s ON s.id = b.space_id ";

	/** A booking with its zone's and space's names. */
	public record BookingRow(long id, long zoneId, long spaceId, String territoryPath, OffsetDateTime start,
			OffsetDateTime end, BookingStatus status, String username, String bookedBy, String unitName, String purpose,
			String reference, Long seriesId, String checkinToken, OffsetDateTime checkedInAt, String checkedInBy,
			OffsetDateTime createdAt, String zoneName, String zoneKind, String spaceName) {
	}

	/** What to write for a new booking. */
	public record NewBooking(long zoneId, long spaceId, String territoryPath, OffsetDateTime start, OffsetDateTime end,
			int bufferMinutes, BookingStatus status, String username, String bookedBy, String unitName, String purpose,
			String reference, Long seriesId, String checkinToken) {
	}

	/** A waitlist entry. */
	public record WaitRow(long id, long zoneId, OffsetDateTime start, OffsetDateTime end, String username,
			String status, OffsetDateTime offerExpiresAt, Long bookingId, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	public Optional<BookingRow> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.id = ?").param(id).query(BookingRepository::map).optional();
	}

	public Optional<BookingRow> byToken(String token) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.checkin_token = ?").param(token)
			.query(BookingRepository::map).optional();
	}

	public List<BookingRow> byReference(String reference) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.reference = ? ORDER BY b.start_at").param(reference)
			.query(BookingRepository::map).list();
	}

	/** Active bookings of a zone touching [from, to). */
	public List<BookingRow> activeOnZone(long zoneId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.zone_id = ? AND b.status IN " + ACTIVE
				+ " AND b.start_at < ? AND b.blocked_until > ? ORDER BY b.start_at")
			.params(zoneId, to, from).query(BookingRepository::map).list();
	}

	/** Active bookings of a space touching [from, to), every zone. */
	public List<BookingRow> activeInSpace(long spaceId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.space_id = ? AND b.status IN " + ACTIVE
				+ " AND b.start_at < ? AND b.end_at > ? ORDER BY b.start_at, b.zone_id")
			.params(spaceId, to, from).query(BookingRepository::map).list();
	}

	/** A person's active bookings in a space starting in [from, to), for the quota. */
	public List<BookingRow> ownActive(String username, long spaceId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.username = ? AND b.space_id = ? AND b.status IN " + ACTIVE
				+ " AND b.start_at >= ? AND b.start_at < ? ORDER BY b.start_at")
			.params(username, spaceId, from, to).query(BookingRepository::map).list();
	}

	/** A person's bookings, latest first. */
	public List<BookingRow> of(String username, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.username = ? ORDER BY b.start_at DESC, b.id DESC LIMIT ?")
			.params(username, limit).query(BookingRepository::map).list();
	}

	/** The bookings of the spaces under a path starting in [from, to), any status. */
	public List<BookingRow> under(String pathPrefix, OffsetDateTime from, OffsetDateTime to, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE b.territory_path LIKE ? AND b.start_at >= ? AND b.start_at < ? "
				+ "ORDER BY b.start_at, b.id LIMIT ?")
			.params(pathPrefix + "%", from, to, limit).query(BookingRepository::map).list();
	}

	/** CONFIRMED bookings nobody checked in to that started before {@code startedBefore}. */
	public List<Long> noShows(OffsetDateTime startedBefore, int limit) {
		return jdbc.sql("SELECT id FROM space_booking WHERE status = 'CONFIRMED' AND start_at <= ? ORDER BY start_at LIMIT ?")
			.params(startedBefore, limit).query(Long.class).list();
	}

	long insert(NewBooking b) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO space_booking (zone_id, space_id, territory_path, start_at, end_at, blocked_until, status,
				  username, booked_by, unit_name, purpose, reference, series_id, checkin_token, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(b.zoneId(), b.spaceId(), b.territoryPath(), b.start(), b.end(), b.end().plusMinutes(b.bufferMinutes()),
					b.status().name(), b.username(), b.bookedBy(), b.unitName(), b.purpose(), b.reference(), b.seriesId(),
					b.checkinToken(), OffsetDateTime.now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Whether a failed write was PostgreSQL's exclusion constraint refusing an active booking that overlaps another
	 * one of its zone (SQLSTATE 23P01, see {@code db.migration.spaces.V2__No_double_booking}).
	 */
	static boolean overlapRefused(DataIntegrityViolationException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	void setSeries(long id, long seriesId) {
		jdbc.sql("UPDATE space_booking SET series_id = ? WHERE id = ?").params(seriesId, id).update();
	}

	/** Moves a booking from one status to another; false if it was no longer in {@code from}. */
	boolean transition(long id, BookingStatus from, BookingStatus to, String by) {
		return jdbc.sql("UPDATE space_booking SET status = ?, decided_by = ?, cancelled_at = CASE WHEN ? THEN ? ELSE cancelled_at END "
				+ "WHERE id = ? AND status = ?")
			.params(to.name(), by, to == BookingStatus.CANCELLED, OffsetDateTime.now(), id, from.name()).update() == 1;
	}

	/** A CONFIRMED booking nobody checked in to is RELEASED; false if it was no longer CONFIRMED. */
	boolean release(long id, OffsetDateTime at) {
		return jdbc.sql("UPDATE space_booking SET status = 'RELEASED', released_at = ?, decided_by = 'system:release' "
				+ "WHERE id = ? AND status = 'CONFIRMED'").params(at, id).update() == 1;
	}

	boolean checkIn(long id, String by, OffsetDateTime at) {
		return jdbc.sql("UPDATE space_booking SET status = 'CHECKED_IN', checked_in_at = ?, checked_in_by = ? "
				+ "WHERE id = ? AND status = 'CONFIRMED'").params(at, by, id).update() == 1;
	}

	// --- the waitlist

	long insertWait(long zoneId, OffsetDateTime start, OffsetDateTime end, String username) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO space_waitlist (zone_id, start_at, end_at, username, status, created_at) "
				+ "VALUES (?, ?, ?, ?, 'WAITING', ?)")
			.params(zoneId, start, end, username, OffsetDateTime.now()).update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<WaitRow> waitEntry(long id) {
		return jdbc.sql("SELECT id, zone_id, start_at, end_at, username, status, offer_expires_at, booking_id, created_at "
				+ "FROM space_waitlist WHERE id = ?").param(id).query(BookingRepository::waitRow).optional();
	}

	/** The people waiting for a slot of a zone touching [from, to), first come first. */
	List<WaitRow> waiting(long zoneId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT id, zone_id, start_at, end_at, username, status, offer_expires_at, booking_id, created_at "
				+ "FROM space_waitlist WHERE zone_id = ? AND status = 'WAITING' AND start_at < ? AND end_at > ? "
				+ "ORDER BY created_at, id")
			.params(zoneId, to, from).query(BookingRepository::waitRow).list();
	}

	/** A person's waitlist entries still open (waiting or offered), soonest first. */
	public List<WaitRow> waitsOf(String username) {
		return jdbc.sql("SELECT id, zone_id, start_at, end_at, username, status, offer_expires_at, booking_id, created_at "
				+ "FROM space_waitlist WHERE username = ? AND status IN ('WAITING','OFFERED') ORDER BY start_at")
			.param(username).query(BookingRepository::waitRow).list();
	}

	/** Offers whose time ran out. */
	List<Long> expiredOffers(OffsetDateTime now) {
		return jdbc.sql("SELECT id FROM space_waitlist WHERE status = 'OFFERED' AND offer_expires_at <= ?").param(now)
			.query(Long.class).list();
	}

	boolean offer(long id, OffsetDateTime expiresAt) {
		return jdbc.sql("UPDATE space_waitlist SET status = 'OFFERED', offer_expires_at = ? WHERE id = ? AND status = 'WAITING'")
			.params(expiresAt, id).update() == 1;
	}

	boolean closeWait(long id, String from, String to, Long bookingId) {
		return jdbc.sql("UPDATE space_waitlist SET status = ?, booking_id = ? WHERE id = ? AND status = ?")
			.params(to, bookingId, id, from).update() == 1;
	}

	// --- the personal calendar feed

	public Optional<String> feedToken(String username) {
		return jdbc.sql("SELECT token FROM space_feed_token WHERE username = ?").param(username).query(String.class)
			.optional();
	}

	public Optional<String> feedOwner(String token) {
		return jdbc.sql("SELECT username FROM space_feed_token WHERE token = ?").param(token).query(String.class)
			.optional();
	}

	void saveFeedToken(String username, String token) {
		jdbc.sql("INSERT INTO space_feed_token (username, token, created_at) VALUES (?, ?, ?)")
			.params(username, token, OffsetDateTime.now()).update();
	}

	static BookingRow map(ResultSet rs, int row) throws SQLException {
		long series = rs.getLong("series_id");
		Long seriesId = rs.wasNull() ? null : series;
		return new BookingRow(rs.getLong("id"), rs.getLong("zone_id"), rs.getLong("space_id"),
				rs.getString("territory_path"), rs.getObject("start_at", OffsetDateTime.class),
				rs.getObject("end_at", OffsetDateTime.class), BookingStatus.valueOf(rs.getString("status")),
				rs.getString("username"), rs.getString("booked_by"), rs.getString("unit_name"), rs.getString("purpose"),
				rs.getString("reference"), seriesId, rs.getString("checkin_token"),
				rs.getObject("checked_in_at", OffsetDateTime.class), rs.getString("checked_in_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("zone_name"), rs.getString("zone_kind"),
				rs.getString("space_name"));
	}

	static WaitRow waitRow(ResultSet rs, int row) throws SQLException {
		long booking = rs.getLong("booking_id");
		Long bookingId = rs.wasNull() ? null : booking;
		return new WaitRow(rs.getLong("id"), rs.getLong("zone_id"), rs.getObject("start_at", OffsetDateTime.class),
				rs.getObject("end_at", OffsetDateTime.class), rs.getString("username"), rs.getString("status"),
				rs.getObject("offer_expires_at", OffsetDateTime.class), bookingId,
				rs.getObject("created_at", OffsetDateTime.class));
	}
}

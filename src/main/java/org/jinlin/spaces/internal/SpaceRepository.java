package org.jinlin.spaces.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.spaces.ZoneKind;
import org.jinlin.spaces.internal.SpaceRules.Blackout;
import org.jinlin.spaces.internal.SpaceRules.Booker;
import org.jinlin.spaces.internal.SpaceRules.Quota;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code space}, {@code space_zone} and {@code space_blackout}; no jurisdiction checks here. */
@Repository
@RequiredArgsConstructor
public class SpaceRepository {

	static final String SPACE_COLUMNS = "id, name, territory_id, territory_path, community_code, address, description, "
			+ "who_may_book, approval_required, min_minutes, max_minutes, notice_minutes, cancel_deadline_minutes, "
			+ "buffer_minutes, quota_measure, quota_period, quota_limit, opens, closes, open_days, version";

	static final String ZONE_COLUMNS = "id, space_id, name, kind, capacity, equipment, photo_url, position";

	/** A row of {@code space}; its rules without the blackouts (see {@link #blackouts}). */
	public record SpaceRow(long id, String name, long territoryId, String territoryPath, String communityCode,
			String address, String description, SpaceRules rules, int version) {
	}

	/** A row of {@code space_zone}. */
	public record ZoneRow(long id, long spaceId, String name, ZoneKind kind, int capacity, String equipment,
			String photoUrl, int position) {
	}

	/** A row of {@code space_blackout}. */
	public record BlackoutRow(long id, long spaceId, OffsetDateTime start, OffsetDateTime end, String reason) {
	}

	/** Validated values of a space. */
	public record SpaceValues(String name, long territoryId, String territoryPath, String communityCode,
			String address, String description, SpaceRules rules) {
	}

	/** Validated values of a zone. */
	public record ZoneValues(String name, ZoneKind kind, int capacity, String equipment, String photoUrl,
			int position) {
	}

	private final JdbcClient jdbc;

	public Optional<SpaceRow> find(long id) {
		return jdbc.sql("SELECT " + SPACE_COLUMNS + " FROM space WHERE id = ?").param(id).query(SpaceRepository::space)
			.optional();
	}

	/** The spaces of a community (its node's path), by name. */
	public List<SpaceRow> ofCommunity(String territoryPath) {
		return jdbc.sql("SELECT " + SPACE_COLUMNS + " FROM space WHERE territory_path = ? ORDER BY name, id")
			.param(territoryPath).query(SpaceRepository::space).list();
	}

	/** The spaces of the community a path lies in, and of every community under it; by community and name. */
	public List<SpaceRow> around(String path) {
		return jdbc.sql("SELECT " + SPACE_COLUMNS + " FROM space WHERE ? LIKE territory_path || '%' OR territory_path LIKE ? "
				+ "ORDER BY territory_path, name, id LIMIT 100").params(path, path + "%").query(SpaceRepository::space).list();
	}

	/** The spaces of every community under a path, by community and name. */
	public List<SpaceRow> under(String pathPrefix) {
		return jdbc.sql("SELECT " + SPACE_COLUMNS + " FROM space WHERE territory_path LIKE ? ORDER BY territory_path, name, id")
			.param(pathPrefix + "%").query(SpaceRepository::space).list();
	}

	public Optional<ZoneRow> zone(long id) {
		return jdbc.sql("SELECT " + ZONE_COLUMNS + " FROM space_zone WHERE id = ?").param(id).query(SpaceRepository::zone)
			.optional();
	}

	public List<ZoneRow> zones(Collection<Long> spaceIds) {
		if (spaceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + ZONE_COLUMNS + " FROM space_zone WHERE space_id IN (:ids) ORDER BY space_id, position, id")
			.param("ids", spaceIds).query(SpaceRepository::zone).list();
	}

	public List<BlackoutRow> blackouts(long spaceId) {
		return jdbc.sql("SELECT id, space_id, starts_at, ends_at, reason FROM space_blackout WHERE space_id = ? ORDER BY starts_at")
			.param(spaceId)
			.query((rs, n) -> new BlackoutRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	/** The space's rules with its blackout periods. */
	public SpaceRules rules(SpaceRow space) {
		return space.rules().withBlackouts(
				blackouts(space.id()).stream().map(b -> new Blackout(b.start(), b.end(), b.reason())).toList());
	}

	/**
	 * Locks a zone's row until the transaction ends (bumping its version): the bookings of one zone are decided one
	 * after the other, on H2 and PostgreSQL alike. Returns false for an unknown zone.
	 */
	public boolean lockZone(long zoneId) {
		return jdbc.sql("UPDATE space_zone SET version = version + 1 WHERE id = ?").param(zoneId).update() == 1;
	}

	long insert(SpaceValues v, String by) {
		OffsetDateTime now = OffsetDateTime.now();
		SpaceRules r = v.rules();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO space (name, territory_id, territory_path, community_code, address, description, who_may_book,
				  approval_required, min_minutes, max_minutes, notice_minutes, cancel_deadline_minutes, buffer_minutes,
				  quota_measure, quota_period, quota_limit, opens, closes, open_days, created_at, updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(v.name(), v.territoryId(), v.territoryPath(), v.communityCode(), v.address(), v.description(),
					bookers(r.whoMayBook()), r.approvalRequired(), r.minMinutes(), r.maxMinutes(), r.noticeMinutes(),
					r.cancelDeadlineMinutes(), r.bufferMinutes(), r.quota() == null ? null : r.quota().measure().name(),
					r.quota() == null ? null : r.quota().period().name(), r.quota() == null ? null : r.quota().limit(),
					r.opens(), r.closes(), days(r.openDays()), now, now, by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Updates if the version still matches; false when someone else changed the space first. */
	boolean update(long id, int version, SpaceValues v, String by) {
		SpaceRules r = v.rules();
		return jdbc.sql("""
				UPDATE space SET name = ?, address = ?, description = ?, who_may_book = ?, approval_required = ?,
				  min_minutes = ?, max_minutes = ?, notice_minutes = ?, cancel_deadline_minutes = ?, buffer_minutes = ?,
				  quota_measure = ?, quota_period = ?, quota_limit = ?, opens = ?, closes = ?, open_days = ?, updated_at = ?,
				  updated_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.address(), v.description(), bookers(r.whoMayBook()), r.approvalRequired(),
					r.minMinutes(), r.maxMinutes(), r.noticeMinutes(), r.cancelDeadlineMinutes(), r.bufferMinutes(),
					r.quota() == null ? null : r.quota().measure().name(),
					r.quota() == null ? null : r.quota().period().name(), r.quota() == null ? null : r.quota().limit(),
					r.opens(), r.closes(), days(r.openDays()), OffsetDateTime.now(), by, id, version)
			.update() == 1;
	}

	long insertZone(long spaceId, ZoneValues v) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO space_zone (space_id, name, kind, capacity, equipment, photo_url, position, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(spaceId, v.name(), v.kind().name(), v.capacity(), v.equipment(), v.photoUrl(), v.position())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean updateZone(long zoneId, ZoneValues v) {
		return jdbc.sql("""
				UPDATE space_zone SET name = ?, kind = ?, capacity = ?, equipment = ?, photo_url = ?, position = ?,
				  version = version + 1 WHERE id = ?""")
			.params(v.name(), v.kind().name(), v.capacity(), v.equipment(), v.photoUrl(), v.position(), zoneId)
			.update() == 1;
	}

	long insertBlackout(long spaceId, OffsetDateTime start, OffsetDateTime end, String reason) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO space_blackout (space_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?)")
			.params(spaceId, start, end, reason).update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<BlackoutRow> blackout(long id) {
		return jdbc.sql("SELECT id, space_id, starts_at, ends_at, reason FROM space_blackout WHERE id = ?").param(id)
			.query((rs, n) -> new BlackoutRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.optional();
	}

	void deleteBlackout(long id) {
		jdbc.sql("DELETE FROM space_blackout WHERE id = ?").param(id).update();
	}

	static String bookers(Set<Booker> who) {
		return who.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static String days(Set<DayOfWeek> days) {
		return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
	}

	static SpaceRow space(ResultSet rs, int row) throws SQLException {
		Set<Booker> who = EnumSet.noneOf(Booker.class);
		Arrays.stream(rs.getString("who_may_book").split(",")).filter(s -> !s.isBlank())
			.forEach(s -> who.add(Booker.valueOf(s)));
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		Arrays.stream(rs.getString("open_days").split(",")).filter(s -> !s.isBlank())
			.forEach(s -> days.add(DayOfWeek.of(Integer.parseInt(s))));
		String measure = rs.getString("quota_measure");
		Quota quota = measure == null ? null
				: new Quota(SpaceRules.QuotaMeasure.valueOf(measure), SpaceRules.QuotaPeriod.valueOf(rs.getString("quota_period")),
						rs.getInt("quota_limit"));
		SpaceRules rules = new SpaceRules(who, rs.getBoolean("approval_required"), rs.getInt("min_minutes"),
				rs.getInt("max_minutes"), rs.getInt("notice_minutes"), rs.getInt("cancel_deadline_minutes"),
				rs.getInt("buffer_minutes"), quota, rs.getObject("opens", LocalTime.class),
				rs.getObject("closes", LocalTime.class), days, List.of());
		return new SpaceRow(rs.getLong("id"), rs.getString("name"), rs.getLong("territory_id"),
				rs.getString("territory_path"), rs.getString("community_code"), rs.getString("address"),
				rs.getString("description"), rules, rs.getInt("version"));
	}

	static ZoneRow zone(ResultSet rs, int row) throws SQLException {
		return new ZoneRow(rs.getLong("id"), rs.getLong("space_id"), rs.getString("name"),
				ZoneKind.valueOf(rs.getString("kind")), rs.getInt("capacity"), rs.getString("equipment"),
				rs.getString("photo_url"), rs.getInt("position"));
	}
}

package org.jinlin.circle.facilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code circle_facility}; no jurisdiction checks here (the services make them). */
@Repository
@RequiredArgsConstructor
class CircleFacilityRepository {

	static final String COLUMNS = "id, name, category, address, latitude, longitude, coordinate_system, entered_latitude, "
			+ "entered_longitude, territory_id, territory_path, operator_name, phone, opening_hours, status, source, osm_id, "
			+ "osm_type, created_at, created_by, updated_at, updated_by, version";

	enum Status {
		OPERATING, CLOSED
	}

	enum Origin {
		MANUAL, IMPORT, OSM
	}

	/** A row of {@code circle_facility}; {@code osmType} {@code node}, {@code way} or {@code relation} with the osmId. */
	record Stored(long id, String name, String category, String address, Double latitude, Double longitude,
			CoordinateSystem coordinateSystem, Double enteredLatitude, Double enteredLongitude, long territoryId,
			String territoryPath, String operator, String phone, String openingHours, Status status, Origin source,
			Long osmId, String osmType, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
			int version) {
	}

	/** Validated values to write; latitude/longitude in WGS-84. */
	record Values(String name, String category, String address, Double latitude, Double longitude,
			CoordinateSystem coordinateSystem, Double enteredLatitude, Double enteredLongitude, TerritoryNode territory,
			String operator, String phone, String openingHours, Status status) {
	}

	/** Filters of a list; {@code pathPrefix} is the jurisdiction or a node inside it. */
	record Filter(String pathPrefix, String category, Status status, String text) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Optional<Stored> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_facility WHERE id = ?").param(id).query(CircleFacilityRepository::map)
			.optional();
	}

	/** The facilities imported from these OSM ids, by OSM element ({@code type/id}: {@code node/42}, {@code way/7}). */
	Map<String, Stored> byOsmElements(List<Long> osmIds) {
		Map<String, Stored> found = new HashMap<>();
		List<Long> ids = osmIds.stream().distinct().toList();
		for (int i = 0; i < ids.size(); i += 1000) {
			jdbc.sql("SELECT " + COLUMNS + " FROM circle_facility WHERE osm_id IN (:ids)")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.query(CircleFacilityRepository::map)
				.list()
				.forEach(s -> found.put(s.osmType() + "/" + s.osmId(), s));
		}
		return found;
	}

	long insert(Values v, Origin source, Long osmId, String by) {
		return insert(v, source, osmId == null ? null : "node", osmId, by);
	}

	/** {@code osmType}: {@code node}, {@code way} or {@code relation} for a facility from OpenStreetMap, else null. */
	long insert(Values v, Origin source, String osmType, Long osmId, String by) {
		OffsetDateTime now = OffsetDateTime.now();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO circle_facility (name, category, address, latitude, longitude, coordinate_system, entered_latitude,
				  entered_longitude, territory_id, territory_path, operator_name, phone, opening_hours, status, source, osm_id,
				  osm_type, created_at, created_by, updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(v.name(), v.category(), v.address(), v.latitude(), v.longitude(), crs(v), v.enteredLatitude(),
					v.enteredLongitude(), v.territory().id(), v.territory().path(), v.operator(), v.phone(),
					v.openingHours(), v.status().name(), source.name(), osmId, osmType, now, by, now, by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Writes many operating facilities entered in WGS-84, in JDBC batches of 500. */
	void insertAll(List<Values> all, Origin source, String by) {
		OffsetDateTime now = OffsetDateTime.now();
		template.batchUpdate("""
				INSERT INTO circle_facility (name, category, address, latitude, longitude, coordinate_system, entered_latitude,
				  entered_longitude, territory_id, territory_path, operator_name, phone, opening_hours, status, source, osm_id,
				  created_at, created_by, updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, 'WGS84', ?, ?, ?, ?, ?, ?, ?, 'OPERATING', ?, NULL, ?, ?, ?, ?, 0)""",
				all, 500, (ps, v) -> {
					ps.setString(1, v.name());
					ps.setString(2, v.category());
					ps.setString(3, v.address());
					ps.setDouble(4, v.latitude());
					ps.setDouble(5, v.longitude());
					ps.setDouble(6, v.latitude());
					ps.setDouble(7, v.longitude());
					ps.setLong(8, v.territory().id());
					ps.setString(9, v.territory().path());
					ps.setString(10, v.operator());
					ps.setString(11, v.phone());
					ps.setString(12, v.openingHours());
					ps.setString(13, source.name());
					ps.setObject(14, now);
					ps.setString(15, by);
					ps.setObject(16, now);
					ps.setString(17, by);
				});
	}

	/** Updates if the version still matches; false when someone else changed the record first. */
	boolean update(long id, int version, Values v, String by) {
		return jdbc.sql("""
				UPDATE circle_facility SET name = ?, category = ?, address = ?, latitude = ?, longitude = ?, coordinate_system = ?,
				  entered_latitude = ?, entered_longitude = ?, territory_id = ?, territory_path = ?, operator_name = ?, phone = ?,
				  opening_hours = ?, status = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.category(), v.address(), v.latitude(), v.longitude(), crs(v), v.enteredLatitude(),
					v.enteredLongitude(), v.territory().id(), v.territory().path(), v.operator(), v.phone(),
					v.openingHours(), v.status().name(), OffsetDateTime.now(), by, id, version)
			.update() == 1;
	}

	boolean setStatus(long id, int version, Status status, String by) {
		return jdbc.sql("UPDATE circle_facility SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 "
				+ "WHERE id = ? AND version = ?").params(status.name(), OffsetDateTime.now(), by, id, version).update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM circle_facility WHERE id = ?").param(id).update() > 0;
	}

	private static String crs(Values v) {
		return v.coordinateSystem() == null ? null : v.coordinateSystem().name();
	}

	// ------------------------------------------------------------------ lists

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(Filter f) {
		StringBuilder sql = new StringBuilder(" WHERE territory_path LIKE :path");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("path", f.pathPrefix() + "%");
		if (f.category() != null) {
			sql.append(" AND category = :category");
			params.put("category", f.category());
		}
		if (f.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", f.status().name());
		}
		if (f.text() != null && !f.text().isBlank()) {
			sql.append(" AND (LOWER(name) LIKE :q OR LOWER(COALESCE(address, '')) LIKE :q OR LOWER(COALESCE(operator_name, '')) LIKE :q)");
			params.put("q", "%" + f.text().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
		}
		return new Where(sql.toString(), params);
	}

	long count(Filter f) {
		Where w = where(f);
		return jdbc.sql("SELECT COUNT(*) FROM circle_facility" + w.sql()).params(w.params()).query(Long.class).single();
	}

	List<Stored> search(Filter f, int offset, int limit) {
		Where w = where(f);
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_facility" + w.sql() + " ORDER BY category, name, id LIMIT "
				+ limit + " OFFSET " + offset).params(w.params()).query(CircleFacilityRepository::map).list();
	}

	void stream(Filter f, Consumer<Stored> each) {
		Where w = where(f);
		try (var s = jdbc.sql("SELECT " + COLUMNS + " FROM circle_facility" + w.sql() + " ORDER BY category, name, id")
			.params(w.params()).query(CircleFacilityRepository::map).stream()) {
			s.forEach(each);
		}
	}

	/** Operating facilities per category under a path. */
	Map<String, Long> operatingCounts(String pathPrefix) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("SELECT category, COUNT(*) FROM circle_facility WHERE territory_path LIKE ? AND status = 'OPERATING' GROUP BY category")
			.param(pathPrefix + "%").query((ResultSet rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	/** Every operating, located facility (for the coverage). */
	List<PlacedFacility> operatingLocated() {
		List<PlacedFacility> list = new ArrayList<>();
		jdbc.sql("SELECT id, category, name, latitude, longitude FROM circle_facility "
				+ "WHERE status = 'OPERATING' AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id")
			.query((ResultSet rs) -> {
				list.add(new PlacedFacility("circle:" + rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
						rs.getDouble(5)));
			});
		return list;
	}

	static Stored map(ResultSet rs, int row) throws SQLException {
		String crs = rs.getString("coordinate_system");
		return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("category"), rs.getString("address"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
				crs == null ? null : CoordinateSystem.valueOf(crs), rs.getObject("entered_latitude", Double.class),
				rs.getObject("entered_longitude", Double.class), rs.getLong("territory_id"), rs.getString("territory_path"),
				rs.getString("operator_name"), rs.getString("phone"), rs.getString("opening_hours"),
				Status.valueOf(rs.getString("status")), Origin.valueOf(rs.getString("source")),
				rs.getObject("osm_id", Long.class), rs.getString("osm_type"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getInt("version"));
	}
}

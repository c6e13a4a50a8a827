package org.jinlin.carefacilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code care_facility} and {@code facility_served_area}; no jurisdiction checks here. */
@Repository
class FacilityRepository {

	static final String COLUMNS = "id, name, kind, territory_id, territory_path, address, latitude, longitude, operator_name, "
			+ "services, beds_total, beds_occupied, family_care_beds, inclusive_beds, status, updated_at, updated_by, version";

	/** A row of {@code care_facility}. */
	record Stored(long id, String name, FacilityKind kind, long territoryId, String territoryPath, String address,
			Double latitude, Double longitude, String operator, String services, int bedsTotal, int bedsOccupied,
			int familyCareBeds, int inclusiveBeds, FacilityStatus status, OffsetDateTime updatedAt, String updatedBy,
			int version) {
	}

	/** Validated values to write. */
	record Values(String name, FacilityKind kind, TerritoryNode territory, String address, Double latitude,
			Double longitude, String operator, String services, int bedsTotal, int bedsOccupied, int familyCareBeds,
			int inclusiveBeds, FacilityStatus status, List<TerritoryNode> servedAreas) {
	}

	/** Filters of a list; {@code pathPrefix} is the jurisdiction (or a narrower node inside it). */
	record Filter(String pathPrefix, FacilityKind kind, FacilityStatus status, String text) {
	}

	private final JdbcClient jdbc;

	FacilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility WHERE id = ?").param(id).query(FacilityRepository::map)
			.optional();
	}

	/** Served community ids per facility. */
	Map<Long, List<Long>> servedAreas(Collection<Long> facilityIds) {
		Map<Long, List<Long>> served = new HashMap<>();
		if (facilityIds.isEmpty()) {
			return served;
		}
		List<Long> ids = new ArrayList<>(facilityIds);
		for (int i = 0; i < ids.size(); i += 1000) {
			jdbc.sql("SELECT facility_id, territory_id FROM facility_served_area WHERE facility_id IN (:ids) ORDER BY territory_id")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.query((ResultSet rs) -> {
					served.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return served;
	}

	long insert(Values v, String by) {
		OffsetDateTime now = OffsetDateTime.now();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO care_facility (name, kind, territory_id, territory_path, address, latitude, longitude, operator_name,
				  services, beds_total, beds_occupied, family_care_beds, inclusive_beds, status, created_at, updated_at, updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
			.params(v.name(), v.kind().name(), v.territory().id(), v.territory().path(), v.address(), v.latitude(),
					v.longitude(), v.operator(), v.services(), v.bedsTotal(), v.bedsOccupied(), v.familyCareBeds(),
					v.inclusiveBeds(), v.status().name(), now, now, by)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		writeServedAreas(id, v.servedAreas());
		return id;
	}

	/** Updates if the version still matches; returns false when someone else changed the record first. */
	boolean update(long id, int version, Values v, String by) {
		int n = jdbc.sql("""
				UPDATE care_facility SET name = ?, kind = ?, territory_id = ?, territory_path = ?, address = ?, latitude = ?,
				  longitude = ?, operator_name = ?, services = ?, beds_total = ?, beds_occupied = ?, family_care_beds = ?,
				  inclusive_beds = ?, status = ?, updated_at = ?, updated_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(v.name(), v.kind().name(), v.territory().id(), v.territory().path(), v.address(), v.latitude(),
					v.longitude(), v.operator(), v.services(), v.bedsTotal(), v.bedsOccupied(), v.familyCareBeds(),
					v.inclusiveBeds(), v.status().name(), OffsetDateTime.now(), by, id, version)
			.update();
		if (n == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM facility_served_area WHERE facility_id = ?").param(id).update();
		writeServedAreas(id, v.servedAreas());
		return true;
	}

	private void writeServedAreas(long id, List<TerritoryNode> areas) {
		for (TerritoryNode a : areas) {
			jdbc.sql("INSERT INTO facility_served_area (facility_id, territory_id, territory_path) VALUES (?, ?, ?)")
				.params(id, a.id(), a.path()).update();
		}
	}

	boolean delete(long id) {
		return jdbc.sql("DELETE FROM care_facility WHERE id = ?").param(id).update() > 0;
	}

	// ------------------------------------------------------------------ lists

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(Filter f) {
		StringBuilder sql = new StringBuilder(" WHERE territory_path LIKE :prefix");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", f.pathPrefix() + "%");
		if (f.kind() != null) {
			sql.append(" AND kind = :kind");
			params.put("kind", f.kind().name());
		}
		if (f.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", f.status().name());
		}
		if (f.text() != null && !f.text().isBlank()) {
			sql.append(" AND (LOWER(name) LIKE :text OR LOWER(COALESCE(address, '')) LIKE :text"
					+ " OR LOWER(COALESCE(operator_name, '')) LIKE :text)");
			params.put("text", "%" + escapeLike(f.text().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		return new Where(sql.toString(), params);
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	List<Stored> search(Filter f, int offset, int limit) {
		Where w = where(f);
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility" + w.sql() + " ORDER BY territory_path, kind, name, id"
				+ " LIMIT :limit OFFSET :offset")
			.params(w.params()).param("limit", limit).param("offset", offset)
			.query(FacilityRepository::map).list();
	}

	long count(Filter f) {
		Where w = where(f);
		return jdbc.sql("SELECT COUNT(*) FROM care_facility" + w.sql()).params(w.params()).query(Long.class).single();
	}

	/** Every matching row in list order, one at a time (exports). */
	void stream(Filter f, Consumer<Stored> sink) {
		Where w = where(f);
		jdbc.sql("SELECT " + COLUMNS + " FROM care_facility" + w.sql() + " ORDER BY territory_path, kind, name, id")
			.params(w.params()).query((ResultSet rs) -> sink.accept(map(rs, 0)));
	}

	/** Located facilities for the map: id, name, kind, status, latitude, longitude. */
	List<MapPoint> mapPoints(Filter f, int limit) {
		Where w = where(f);
		return jdbc.sql("SELECT id, name, kind, status, latitude, longitude FROM care_facility" + w.sql()
				+ " AND latitude IS NOT NULL ORDER BY id LIMIT :limit")
			.params(w.params()).param("limit", limit)
			.query((rs, n) -> new MapPoint(rs.getLong(1), rs.getString(2), FacilityKind.valueOf(rs.getString(3)),
					FacilityStatus.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6)))
			.list();
	}

	/** A point on the facility map. */
	record MapPoint(long id, String name, FacilityKind kind, FacilityStatus status, double lat, double lon) {
	}

	/** Operating facilities of a kind under a path (unscoped, for other modules). */
	List<Stored> operatingOfKind(FacilityKind kind, String pathPrefix) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility WHERE kind = ? AND status = 'OPERATING' AND territory_path LIKE ?"
				+ " ORDER BY id")
			.params(kind.name(), pathPrefix + "%").query(FacilityRepository::map).list();
	}

	/** Facilities serving a community (unscoped). */
	List<Stored> serving(long communityId) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM care_facility WHERE id IN (SELECT facility_id FROM facility_served_area WHERE territory_id = ?)"
				+ " ORDER BY id")
			.param(communityId).query(FacilityRepository::map).list();
	}

	// ------------------------------------------------------------------ statistics

	/** Operating facilities under a path, grouped by the facility's own node path and kind. */
	record Tally(String territoryPath, FacilityKind kind, long count, long beds, long bedsOccupied, long familyCareBeds,
			long inclusiveBeds) {
	}

	List<Tally> operatingTallies(String pathPrefix) {
		return jdbc.sql("""
				SELECT territory_path, kind, COUNT(*), SUM(beds_total), SUM(beds_occupied), SUM(family_care_beds), SUM(inclusive_beds)
				FROM care_facility WHERE status = 'OPERATING' AND territory_path LIKE ?
				GROUP BY territory_path, kind""")
			.param(pathPrefix + "%")
			.query((rs, n) -> new Tally(rs.getString(1), FacilityKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** Ids of the communities under a path served by at least one operating facility of a covering kind. */
	java.util.Set<Long> coveredCommunities(String pathPrefix) {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT DISTINCT a.territory_id FROM facility_served_area a JOIN care_facility f ON f.id = a.facility_id
				WHERE f.status = 'OPERATING' AND f.kind IN ('SERVICE_STATION', 'DAY_CARE_CENTRE', 'RURAL_HAPPINESS_HOME')
				  AND a.territory_path LIKE ?""")
			.param(pathPrefix + "%").query(Long.class).list());
	}

	static Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getString("name"), FacilityKind.valueOf(rs.getString("kind")),
				rs.getLong("territory_id"), rs.getString("territory_path"), rs.getString("address"),
				rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class), rs.getString("operator_name"),
				rs.getString("services"), rs.getInt("beds_total"), rs.getInt("beds_occupied"), rs.getInt("family_care_beds"),
				rs.getInt("inclusive_beds"), FacilityStatus.valueOf(rs.getString("status")),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getInt("version"));
	}
}

package org.jinlin.carefacilities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code care_facility} and {@code facility_served_area}; no jurisdiction checks here. */
@Repository
@RequiredArgsConstructor
public class CareFacilityRepository {

	static final String COLUMNS = "id, name, kind, territory_id, territory_path, address, latitude, longitude, operator_name, "
			+ "services, beds_total, beds_occupied, family_care_beds, inclusive_beds, status, updated_at, updated_by, version";

	/** A row of {@code care_facility}. */
	public record Stored(long id, String name, FacilityKind kind, long territoryId, String territoryPath, String address,
			Double latitude, Double longitude, String operator, String services, int bedsTotal, int bedsOccupied,
			int familyCareBeds, int inclusiveBeds, FacilityStatus status, OffsetDateTime updatedAt, String updatedBy,
			int version) {
	}

	/** Validated values to write. */
	public record Values(String name, FacilityKind kind, TerritoryNode territory, String address, Double latitude,
			Double longitude, String operator, String services, int bedsTotal, int bedsOccupied, int familyCareBeds,
			int inclusiveBeds, FacilityStatus status, List<TerritoryNode> servedAreas) {
	}

	/** Filters of a list; {@code pathPrefix} is the jurisdiction (or a narrower node inside it). */
	public record Filter(String pathPrefix, FacilityKind kind, FacilityStatus status, String text) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public Optional<Stored> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility WHERE id = ?").param(id).query(CareFacilityRepository::map)
			.optional();
	}

	/** Served community ids per facility. */
	public Map<Long, List<Long>> servedAreas(Collection<Long> facilityIds) {
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

	public List<Stored> search(Filter f, int offset, int limit) {
		Where w = where(f);
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility" + w.sql() + " ORDER BY territory_path, kind, name, id"
				+ " LIMIT :limit OFFSET :offset")
			.params(w.params()).param("limit", limit).param("offset", offset)
			.query(CareFacilityRepository::map).list();
	}

	long count(Filter f) {
		Where w = where(f);
		return jdbc.sql("SELECT COUNT(*) FROM care_facility" + w.sql()).params(w.params()).query(Long.class).single();
	}

	/** Every matching row in list order, one at a time (exports). */
	public void stream(Filter f, Consumer<Stored> sink) {
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
	public record MapPoint(long id, String name, FacilityKind kind, FacilityStatus status, double lat, double lon) {
	}

	/** Operating facilities of a kind under a path (unscoped, for other modules). */
	public List<Stored> operatingOfKind(FacilityKind kind, String pathPrefix) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_facility WHERE kind = ? AND status = 'OPERATING' AND territory_path LIKE ?"
				+ " ORDER BY id")
			.params(kind.name(), pathPrefix + "%").query(CareFacilityRepository::map).list();
	}

	/** Facilities serving a community (unscoped). */
	public List<Stored> serving(long communityId) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM care_facility WHERE id IN (SELECT facility_id FROM facility_served_area WHERE territory_id = ?)"
				+ " ORDER BY id")
			.param(communityId).query(CareFacilityRepository::map).list();
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
	public Set<Long> coveredCommunities(String pathPrefix) {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT DISTINCT a.territory_id FROM facility_served_area a JOIN care_facility f ON f.id = a.facility_id
				WHERE f.status = 'OPERATING' AND f.kind IN ('SERVICE_STATION', 'DAY_CARE_CENTRE', 'RURAL_HAPPINESS_HOME')
				  AND a.territory_path LIKE ?""")
			.param(pathPrefix + "%").query(Long.class).list());
	}

	/** An operating facility with beds, as the beds-per-thousand indicator counts it. */
	public record BedRow(long id, String name, FacilityKind kind, long territoryId, int beds) {
	}

	/** The operating facilities with beds under a path, in id order (their beds are all the beds operating there). */
	public List<BedRow> operatingWithBeds(String pathPrefix) {
		return jdbc.sql("""
				SELECT id, name, kind, territory_id, beds_total FROM care_facility
				WHERE status = 'OPERATING' AND beds_total > 0 AND territory_path LIKE ? ORDER BY id""")
			.param(pathPrefix + "%")
			.query((rs, n) -> new BedRow(rs.getLong(1), rs.getString(2), FacilityKind.valueOf(rs.getString(3)),
					rs.getLong(4), rs.getInt(5)))
			.list();
	}

	// ------------------------------------------------------------------ bulk load

	private static final int[] BULK_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER,
			Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR };

	/** Writes many facilities in two JDBC batches; ids come back in insertion order. Returns the new ids. */
	List<Long> insertAll(List<Values> all, String by) {
		long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM care_facility").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now();
		List<Object[]> rows = new ArrayList<>(all.size());
		for (Values v : all) {
			rows.add(new Object[] { v.name(), v.kind().name(), v.territory().id(), v.territory().path(), v.address(),
					v.latitude(), v.longitude(), v.operator(), v.services(), v.bedsTotal(), v.bedsOccupied(),
					v.familyCareBeds(), v.inclusiveBeds(), v.status().name(), now, now, by });
		}
		template.batchUpdate("""
				INSERT INTO care_facility (name, kind, territory_id, territory_path, address, latitude, longitude, operator_name,
				  services, beds_total, beds_occupied, family_care_beds, inclusive_beds, status, created_at, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				ps.setObject(i + 1, row[i], BULK_TYPES[i]);
			}
		});
		List<Long> ids = jdbc.sql("SELECT id FROM care_facility WHERE id > ? ORDER BY id").param(before).query(Long.class)
			.list();
		if (ids.size() != all.size()) {
			throw new IllegalStateException("Bulk load: expected " + all.size() + " new facilities, found " + ids.size());
		}
		List<Object[]> served = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			for (TerritoryNode area : all.get(i).servedAreas()) {
				served.add(new Object[] { ids.get(i), area.id(), area.path() });
			}
		}
		template.batchUpdate("INSERT INTO facility_served_area (facility_id, territory_id, territory_path) VALUES (?, ?, ?)",
				served, 1000, (ps, row) -> {
					ps.setLong(1, (Long) row[0]);
					ps.setLong(2, (Long) row[1]);
					ps.setString(3, (String) row[2]);
				});
		return ids;
	}

	// ------------------------------------------------------------------ services column

	/** The stored form of services: codes in declaration order, comma-separated. */
	static String encode(Collection<FacilityService> services) {
		if (services == null || services.isEmpty()) {
			return "";
		}
		return EnumSet.copyOf(services).stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<FacilityService> decode(String stored) {
		if (stored == null || stored.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(stored.split(",")).map(String::trim).map(FacilityService::parse).flatMap(Optional::stream)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(FacilityService.class)));
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

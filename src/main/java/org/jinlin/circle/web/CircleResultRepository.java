package org.jinlin.circle.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.circle.web.CircleViews.Building;
import org.jinlin.circle.web.CircleViews.CommunityRow;
import org.jinlin.circle.web.CircleViews.MapBuilding;
import org.jinlin.circle.web.CircleViews.Time;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored results of the coverage runs as the read side queries them ({@code circle_community_result},
 * {@code circle_community_time}, {@code circle_building_result}); every query takes the caller's jurisdiction as a
 * {@code LIKE} pattern on the territory path.
 */
@Repository
@RequiredArgsConstructor
class CircleResultRepository {

	private final JdbcClient jdbc;

	/** The community results of a run under a path, inside the jurisdiction, in code order. */
	List<CommunityRow> communities(long runId, String path, String jurisdiction) {
		return jdbc.sql("""
				SELECT community_id, code, name, territory_path, rural, population, latitude, longitude, buildings,
					covered, missing, residents_covered_share, off_network_buildings, elder_covered, elder_missing,
					elder_residents_covered_share
				FROM circle_community_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction
				ORDER BY code""")
			.param("run", runId)
			.param("area", path + "%")
			.param("jurisdiction", jurisdiction)
			.query((rs, n) -> new CommunityRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getLong(6), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
					rs.getInt(9), rs.getBoolean(10), codes(rs.getString(11)), rs.getDouble(12), rs.getInt(13),
					rs.getObject(14, Boolean.class), rs.getString(15) == null ? null : codes(rs.getString(15)),
					rs.getObject(16, Double.class)))
			.list();
	}

	static List<String> codes(String missing) {
		return missing == null || missing.isBlank() ? List.of()
				: Arrays.stream(missing.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** A community's walk to each category, in seconds (null beyond the cutoff). */
	Map<String, Integer> communityTimes(long runId, long communityId) {
		return communityTimes(runId, communityId, false);
	}

	/** A community's walk to each category for a profile, in seconds (null beyond the cutoff, or not computed). */
	Map<String, Integer> communityTimes(long runId, long communityId, boolean elder) {
		Map<String, Integer> seconds = new LinkedHashMap<>();
		jdbc.sql("SELECT category, " + (elder ? "elder_seconds" : "seconds")
				+ " FROM circle_community_time WHERE run_id = ? AND community_id = ?")
			.params(runId, communityId)
			.query((rs, n) -> {
				seconds.put(rs.getString(1), rs.getObject(2, Integer.class));
				return null;
			})
			.list();
		return seconds;
	}

	/** A community's buildings, their walks read from the stored {@code times} text by {@code times}. */
	List<Building> buildings(long runId, long communityId, String jurisdiction,
			java.util.function.BiFunction<String, Boolean, List<Time>> times) {
		return jdbc.sql("""
				SELECT building_id, name, latitude, longitude, population, access_metres, covered, times, off_network
				FROM circle_building_result
				WHERE run_id = :run AND community_id = :community AND territory_path LIKE :jurisdiction
				ORDER BY name, building_id""")
			.param("run", runId)
			.param("community", communityId)
			.param("jurisdiction", jurisdiction)
			.query((rs, n) -> new Building(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
					rs.getDouble(5), rs.getObject(6, Double.class), rs.getBoolean(7),
					times.apply(rs.getString(8), rs.getBoolean(9)), rs.getBoolean(9)))
			.list();
	}

	/** The buildings of a run under a path for the map, at most {@code limit}. */
	List<MapBuilding> mapBuildings(long runId, String path, String jurisdiction, int limit) {
		return jdbc.sql("""
				SELECT building_id, name, latitude, longitude, covered, community_id, off_network FROM circle_building_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction
				ORDER BY building_id FETCH FIRST %d ROWS ONLY""".formatted(limit))
			.param("run", runId)
			.param("area", path + "%")
			.param("jurisdiction", jurisdiction)
			.query((rs, n) -> new MapBuilding(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
					rs.getBoolean(5), rs.getLong(6), rs.getBoolean(7)))
			.list();
	}

	/** South, west, north and east of a run's buildings under a path, if there are any. */
	Optional<double[]> buildingBounds(long runId, String path, String jurisdiction) {
		return jdbc.sql("""
				SELECT MIN(latitude), MIN(longitude), MAX(latitude), MAX(longitude) FROM circle_building_result
				WHERE run_id = :run AND territory_path LIKE :area AND territory_path LIKE :jurisdiction""")
			.param("run", runId)
			.param("area", path + "%")
			.param("jurisdiction", jurisdiction)
			.query((rs, n) -> rs.getObject(1) == null ? null
					: new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}
}

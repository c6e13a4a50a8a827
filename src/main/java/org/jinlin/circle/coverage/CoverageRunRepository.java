package org.jinlin.circle.coverage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The circle_run table and the result tables of each run. */
@Repository
@RequiredArgsConstructor
class CoverageRunRepository {

	private static final String COLUMNS = """
			id, status, reason, requested_by, requested_at, started_at, finished_at, progress, stage, network_name,
			network_nodes, network_edges, threshold_seconds, cutoff_seconds, speed_kmh, facilities, buildings,
			communities, compute_ms, error, facilities_off_network, elder_speed_kmh, elder_steps_factor, revision, revised_at,
			revised_action, revised_facility, revised_buildings""";

	/** How many finished runs keep their per-building and per-community results. */
	static final int KEEP_RESULTS = 3;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	Optional<RunView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_run WHERE id = :id").param("id", id).query(RunView.class)
			.optional();
	}

	Optional<RunView> latestWithStatus(String... statuses) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM circle_run WHERE status IN (:s) ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.param("s", List.of(statuses))
			.query(RunView.class)
			.optional();
	}

	boolean any() {
		return jdbc.sql("SELECT COUNT(*) FROM circle_run").query(Long.class).single() > 0;
	}

	long insertQueued(String reason, String by, int threshold, int cutoff, double speed, double elderSpeed,
			double elderStepsFactor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO circle_run (status, reason, requested_by, requested_at, progress, threshold_seconds,
				  cutoff_seconds, speed_kmh, elder_speed_kmh, elder_steps_factor)
				VALUES ('QUEUED', :reason, :by, :now, 0, :threshold, :cutoff, :speed, :elderSpeed, :elderSteps)""")
			.param("elderSpeed", elderSpeed)
			.param("elderSteps", elderStepsFactor)
			.param("reason", reason)
			.param("by", by)
			.param("now", OffsetDateTime.now())
			.param("threshold", threshold)
			.param("cutoff", cutoff)
			.param("speed", speed)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** QUEUED (or RUNNING again after a crash) to RUNNING; false when the run already finished. */
	boolean start(long id) {
		return jdbc.sql("""
				UPDATE circle_run SET status = 'RUNNING', started_at = :now, progress = 0, stage = 'network'
				WHERE id = :id AND status IN ('QUEUED','RUNNING')""").param("now", OffsetDateTime.now()).param("id", id)
			.update() == 1;
	}

	void progress(long id, int progress, String stage) {
		jdbc.sql("UPDATE circle_run SET progress = :p, stage = :stage WHERE id = :id AND status = 'RUNNING'")
			.param("p", progress)
			.param("stage", stage)
			.param("id", id)
			.update();
	}

	void network(long id, String name, int nodes, int edges) {
		jdbc.sql("UPDATE circle_run SET network_name = :name, network_nodes = :nodes, network_edges = :edges WHERE id = :id")
			.param("name", name)
			.param("nodes", nodes)
			.param("edges", edges)
			.param("id", id)
			.update();
	}

	void done(long id, int facilities, int facilitiesOffNetwork, int buildings, int communities, long computeMs) {
		jdbc.sql("""
				UPDATE circle_run SET status = 'DONE', progress = 100, stage = 'done', finished_at = :now,
				  facilities = :f, facilities_off_network = :off, buildings = :b, communities = :c, compute_ms = :ms
				WHERE id = :id""")
			.param("now", OffsetDateTime.now())
			.param("f", facilities)
			.param("off", facilitiesOffNetwork)
			.param("b", buildings)
			.param("c", communities)
			.param("ms", computeMs)
			.param("id", id)
			.update();
	}

	void failed(long id, String error) {
		jdbc.sql("UPDATE circle_run SET status = 'FAILED', stage = 'failed', finished_at = :now, error = :e WHERE id = :id")
			.param("now", OffsetDateTime.now())
			.param("e", error.length() > 1000 ? error.substring(0, 1000) : error)
			.param("id", id)
			.update();
	}

	void deleteResults(long runId) {
		for (String table : List.of("circle_building_result", "circle_community_time", "circle_community_result")) {
			jdbc.sql("DELETE FROM " + table + " WHERE run_id = :id").param("id", runId).update();
		}
	}

	/** Drops the results of finished runs older than the last {@link #KEEP_RESULTS}; the run rows stay as history. */
	void pruneOldResults() {
		List<Long> old = jdbc.sql("SELECT id FROM circle_run WHERE status = 'DONE' ORDER BY id DESC")
			.query(Long.class)
			.list()
			.stream()
			.skip(KEEP_RESULTS)
			.toList();
		old.forEach(this::deleteResults);
	}

	/**
	 * Marks a finished run's figures as brought up to date after a facility change, if nobody else did since
	 * {@code revision} (another instance): false when the run is not at that revision (then nothing is written).
	 */
	boolean revise(long id, int revision, int facilities, int facilitiesOffNetwork, String action, String facility,
			int buildings) {
		return jdbc.sql("""
				UPDATE circle_run SET revision = revision + 1, revised_at = :now, revised_action = :action,
				  revised_facility = :facility, revised_buildings = :buildings, facilities = :f, facilities_off_network = :off
				WHERE id = :id AND revision = :revision AND status = 'DONE'""")
			.param("now", OffsetDateTime.now())
			.param("action", action)
			.param("facility", facility.length() > 200 ? facility.substring(0, 200) : facility)
			.param("buildings", buildings)
			.param("f", facilities)
			.param("off", facilitiesOffNetwork)
			.param("id", id)
			.param("revision", revision)
			.update() == 1;
	}

	/** Drops the rows of some buildings and communities of a run (to be written again by the insert methods). */
	void deleteResults(long runId, List<Long> buildingIds, List<Long> communityIds) {
		template.batchUpdate("DELETE FROM circle_building_result WHERE run_id = ? AND building_id = ?",
				buildingIds.stream().map(b -> new Object[] { runId, b }).toList());
		for (String table : List.of("circle_community_time", "circle_community_result")) {
			template.batchUpdate("DELETE FROM " + table + " WHERE run_id = ? AND community_id = ?",
					communityIds.stream().map(c -> new Object[] { runId, c }).toList());
		}
	}

	void insertCommunities(List<Object[]> rows) {
		template.batchUpdate("""
				INSERT INTO circle_community_result (run_id, community_id, code, name, territory_path, rural, population,
				  latitude, longitude, buildings, covered, missing, residents_covered_share, off_network_buildings,
				  elder_covered, elder_missing, elder_residents_covered_share)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	void insertCommunityTimes(List<Object[]> rows) {
		template.batchUpdate(
				"INSERT INTO circle_community_time (run_id, community_id, category, seconds, elder_seconds) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

	void insertBuildings(List<Object[]> rows) {
		template.batchUpdate("""
				INSERT INTO circle_building_result (run_id, building_id, community_id, territory_path, name, latitude,
				  longitude, population, access_metres, covered, times, off_network)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}
}

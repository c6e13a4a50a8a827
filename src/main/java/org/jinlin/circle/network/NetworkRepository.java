package org.jinlin.circle.network;

import java.time.OffsetDateTime;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The circle_network table: which network is active, and the stored extract. */
@Repository
@RequiredArgsConstructor
class NetworkRepository {

	record Row(long id, String source, String name, String sha256, Long sizeBytes, OffsetDateTime createdAt,
			String createdBy) {

		boolean generated() {
			return "GENERATED".equals(source);
		}
	}

	private final JdbcClient jdbc;

	Optional<Row> active() {
		return jdbc.sql("""
				SELECT id, source, name, sha256, size_bytes, created_at, created_by FROM circle_network
				WHERE active ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").query(Row.class).optional();
	}

	byte[] extract(long id) {
		return jdbc.sql("SELECT extract FROM circle_network WHERE id = :id").param("id", id).query(byte[].class).single();
	}

	/** Makes a new row the active network (the others stay as history). */
	long activate(String source, String name, String sha256, byte[] extract, String by) {
		long id = insertInactive(source, name, sha256, extract, by);
		activateExisting(id);
		return id;
	}

	/** Stores a network row without activating it (a background replacement activates it once built and checked). */
	long insertInactive(String source, String name, String sha256, byte[] extract, String by) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO circle_network (source, name, sha256, extract, size_bytes, active, created_at, created_by)
				VALUES (:source, :name, :sha, :extract, :size, FALSE, :now, :by)""")
			.param("source", source)
			.param("name", name)
			.param("sha", sha256)
			.param("extract", extract)
			.param("size", extract == null ? null : (long) extract.length)
			.param("now", OffsetDateTime.now())
			.param("by", by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Makes a stored row the only active one. */
	void activateExisting(long id) {
		jdbc.sql("UPDATE circle_network SET active = (id = :id) WHERE active OR id = :id").param("id", id).update();
	}

	/** The row of a network, active or not. */
	Optional<Row> find(long id) {
		return jdbc.sql("""
				SELECT id, source, name, sha256, size_bytes, created_at, created_by FROM circle_network WHERE id = :id""")
			.param("id", id).query(Row.class).optional();
	}

	// ------------------------------------------------------------------ background replacement jobs

	record JobRow(long id, String fileName, Long sizeBytes, String state, String stage, int percent, String outcome,
			String messageKey, Long networkId, String requestedBy, OffsetDateTime requestedAt,
			OffsetDateTime finishedAt) {
	}

	private static final String JOB_COLUMNS = "id, file_name, size_bytes, state, stage, percent, outcome, message_key, "
			+ "network_id, requested_by, requested_at, finished_at";

	long insertJob(String fileName, String sha256, byte[] extract, String by) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO circle_network_job (file_name, sha256, extract, size_bytes, state, stage, percent, requested_by,
				  requested_at)
				VALUES (:name, :sha, :extract, :size, 'QUEUED', 'RECEIVED', 5, :by, :now)""")
			.param("name", fileName)
			.param("sha", sha256)
			.param("extract", extract)
			.param("size", (long) extract.length)
			.param("by", by)
			.param("now", OffsetDateTime.now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<JobRow> job(long id) {
		return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM circle_network_job WHERE id = :id").param("id", id)
			.query(JobRow.class).optional();
	}

	Optional<JobRow> latestJob() {
		return jdbc.sql("SELECT " + JOB_COLUMNS + " FROM circle_network_job ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.query(JobRow.class).optional();
	}

	/** Claims a queued job for this instance; false when another instance has it (or it is finished). */
	boolean claimJob(long id) {
		return jdbc.sql("""
				UPDATE circle_network_job SET state = 'RUNNING', started_at = :now WHERE id = :id AND state = 'QUEUED'""")
			.param("id", id).param("now", OffsetDateTime.now()).update() == 1;
	}

	record JobExtract(String fileName, String sha256, String requestedBy, byte[] extract) {
	}

	JobExtract jobExtract(long id) {
		return jdbc.sql("SELECT file_name, sha256, requested_by, extract FROM circle_network_job WHERE id = :id")
			.param("id", id).query(JobExtract.class).single();
	}

	void jobStage(long id, String stage, int percent) {
		jdbc.sql("UPDATE circle_network_job SET stage = :stage, percent = :percent WHERE id = :id AND state = 'RUNNING'")
			.param("id", id).param("stage", stage).param("percent", percent).update();
	}

	/** Ends a job: its outcome, and the extract cleared (an activated one is kept in circle_network). */
	void finishJob(long id, boolean done, String stage, String outcome, String messageKey, Long networkId) {
		jdbc.sql("""
				UPDATE circle_network_job SET state = :state, stage = :stage, percent = 100, outcome = :outcome,
				  message_key = :key, network_id = :network, extract = NULL, finished_at = :now
				WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("state", done ? "DONE" : "FAILED")
			.param("stage", stage)
			.param("outcome", outcome)
			.param("key", messageKey)
			.param("network", networkId)
			.param("now", OffsetDateTime.now())
			.update();
	}

	/** Activates the generated grid when no network is active yet (the first start). */
	void activateGeneratedIfNone() {
		jdbc.sql("""
				INSERT INTO circle_network (source, name, active, created_at, created_by)
				SELECT 'GENERATED', 'generated', TRUE, :now, 'system' FROM (VALUES (0)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM circle_network WHERE active)""").param("now", OffsetDateTime.now()).update();
	}
}

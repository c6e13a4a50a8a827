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
		jdbc.sql("UPDATE circle_network SET active = FALSE WHERE active").update();
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO circle_network (source, name, sha256, extract, size_bytes, active, created_at, created_by)
				VALUES (:source, :name, :sha, :extract, :size, TRUE, :now, :by)""")
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

	/** Activates the generated grid when no network is active yet (the first start). */
	void activateGeneratedIfNone() {
		jdbc.sql("""
				INSERT INTO circle_network (source, name, active, created_at, created_by)
				SELECT 'GENERATED', 'generated', TRUE, :now, 'system' FROM (VALUES (0)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM circle_network WHERE active)""").param("now", OffsetDateTime.now()).update();
	}
}

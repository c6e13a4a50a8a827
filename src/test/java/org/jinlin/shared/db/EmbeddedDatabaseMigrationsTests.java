package org.jinlin.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pool may replace every connection (it retires each after 30 minutes, and evicts broken ones) and the schema
 * still works: an insert into a table with a {@code CHECK (status IN (…))} constraint succeeds afterwards. On H2
 * this failed with "Check constraint invalid" once the connection the migrations ran on was closed (see
 * {@link EmbeddedDatabaseMigrations}); on PostgreSQL it is the plain behaviour.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDatabaseMigrationsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void checkedTablesTakeInsertsAfterThePoolReplacedItsConnections() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		pool.getHikariPoolMXBean().softEvictConnections();
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now();
		int inserted = jdbc.sql("""
				INSERT INTO import_job (id, kind, file_name, owner_username, owner_territory_path, locale, status,
				  created_at, heartbeat_at) VALUES (?, 'test', 'probe.xlsx', 'admin', '/', 'zh-CN', 'QUEUED', ?, ?)""")
			.params(id, now, now).update();
		assertThat(inserted).isEqualTo(1);
		jdbc.sql("DELETE FROM import_job WHERE id = ?").param(id).update();
	}
}

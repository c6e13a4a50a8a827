package org.jinlin.shared.spreadsheet;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A job left unfinished by a crashed instance (stale heartbeat) is marked failed; live jobs are left alone. */
@SpringBootTest(properties = "jinlin.test.context=territory-import")
@AutoConfigureMockMvc
class ImportJobSweepTests {

	@Autowired
	ImportJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	void insert(String id, String status, OffsetDateTime heartbeat) {
		jdbc.sql("""
				INSERT INTO import_job (id, kind, file_name, owner_username, owner_territory_path, locale, status,
				  processed_rows, error_count, created_at, heartbeat_at)
				VALUES (?, 'test', 'x.xlsx', 'admin', '/1/', 'en', ?, 0, 0, ?, ?)""")
			.params(id, status, heartbeat, heartbeat)
			.update();
	}

	String status(String id) {
		return jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void staleUnfinishedJobsFailOthersAreUntouched() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		insert("sweep-stale-importing", "IMPORTING", now.minusMinutes(30));
		insert("sweep-stale-queued", "QUEUED", now.minusMinutes(30));
		insert("sweep-fresh", "VALIDATING", now);
		insert("sweep-done", "SUCCEEDED", now.minusMinutes(30));

		assertThat(jobs.sweep(now.minusMinutes(5))).isEqualTo(2);

		assertThat(status("sweep-stale-importing")).isEqualTo("FAILED");
		assertThat(status("sweep-stale-queued")).isEqualTo("FAILED");
		assertThat(status("sweep-fresh")).isEqualTo("VALIDATING");
		assertThat(status("sweep-done")).isEqualTo("SUCCEEDED");
		assertThat(jobs.find("sweep-stale-importing").orElseThrow().message()).contains("interrupted");
		assertThat(jobs.find("sweep-stale-importing").orElseThrow().finishedAt()).isNotNull();
	}

	@Test
	void progressFragmentPollsWhileRunningAndStopsWhenFinished() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		insert("poll-running", "VALIDATING", now);
		insert("poll-failed", "FAILED", now);
		var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(users.loadUserByUsername("admin"));
		String running = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/imports/poll-running/progress").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(running).contains("hx-trigger=\"every 1s\"").contains("hx-get=\"/imports/poll-running/progress\"");
		String failed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/imports/poll-failed/progress").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(failed).contains("import-status").doesNotContain("hx-trigger");
	}
}

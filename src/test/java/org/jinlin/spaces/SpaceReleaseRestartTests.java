package org.jinlin.spaces;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jinlin.JinlinApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The release of a no-show survives a restart: a booking made on one instance, which stops before the booking is
 * due, is released (and its slot offered to the waitlist) by a new instance on the same database — the release
 * timer is a row of {@code scheduled_tasks}, not a thread of the instance that took the booking.
 */
class SpaceReleaseRestartTests {

	final String database = "spaces" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
			.run("--server.port=0", "--jinlin.timers.polling-interval=PT0.3S", "--jinlin.timers.instance-name=" + name,
					"--jinlin.timers.heartbeat-interval=PT1S", "--jinlin.spaces.release-interval=PT1S",
					"--jinlin.spaces.release-grace=PT2S",
					"--spring.datasource.url=jdbc:h2:file:./target/" + database
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"--jinlin.test.shared-schema=" + database);
		instances.add(context);
		return context;
	}

	@AfterEach
	void stopAll() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aNoShowDueAfterItsInstanceStoppedIsReleasedByTheNextOne() {
		ConfigurableApplicationContext a = start("a");
		JdbcClient jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
		String path = jdbc.sql("SELECT path FROM territory_node WHERE code = '350102004001'").query(String.class).single();
		long community = jdbc.sql("SELECT id FROM territory_node WHERE code = '350102004001'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO space (name, territory_id, territory_path, community_code, who_may_book, opens, closes, open_days,
				  created_at, updated_at, updated_by) VALUES ('重启测试空间', ?, ?, '350102004001', 'RESIDENTS', '00:00', '23:59',
				  '1,2,3,4,5,6,7', ?, ?, 'test')""").params(community, path, now, now).update();
		long space = jdbc.sql("SELECT id FROM space WHERE name = '重启测试空间'").query(Long.class).single();
		jdbc.sql("INSERT INTO space_zone (space_id, name, kind) VALUES (?, '邻里吧', 'NEIGHBOURS_BAR')").param(space).update();
		long zone = jdbc.sql("SELECT id FROM space_zone WHERE space_id = ?").param(space).query(Long.class).single();
		// due 25 s from now: after this instance has stopped, before (or while) the next has started
		OffsetDateTime start = now.plusSeconds(23);
		jdbc.sql("""
				INSERT INTO space_booking (zone_id, space_id, territory_path, start_at, end_at, blocked_until, status, username,
				  booked_by, checkin_token, created_at) VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', 'resident1', 'resident1', 'restart', ?)""")
			.params(zone, space, path, start, start.plusHours(1), start.plusHours(1), now).update();
		jdbc.sql("INSERT INTO space_waitlist (zone_id, start_at, end_at, username, status, created_at) VALUES (?, ?, ?, 'volunteer1', 'WAITING', ?)")
			.params(zone, start, start.plusHours(1), now).update();
		a.close();
		Instant stopped = Instant.now();
		assertThat(stopped).as("the first instance stopped before the booking was due")
			.isBefore(start.plusSeconds(2).toInstant());

		ConfigurableApplicationContext b = start("b");
		JdbcClient after = JdbcClient.create(b.getBean(javax.sql.DataSource.class));
		await().atMost(Duration.ofSeconds(90)).until(() -> "RELEASED".equals(after
			.sql("SELECT status FROM space_booking WHERE checkin_token = 'restart'").query(String.class).single()));
		assertThat(after.sql("SELECT released_at FROM space_booking WHERE checkin_token = 'restart'")
			.query(OffsetDateTime.class).single().toInstant()).isAfter(stopped);
		assertThat(after.sql("SELECT status FROM space_waitlist WHERE zone_id = ?").param(zone).query(String.class).single())
			.isEqualTo("OFFERED");
	}
}

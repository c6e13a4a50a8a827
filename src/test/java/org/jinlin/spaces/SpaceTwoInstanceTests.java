package org.jinlin.spaces;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jinlin.JinlinApplication;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No double booking across instances: two application instances on one database (a shared in-memory H2 database,
 * or one PostgreSQL schema on the PostgreSQL run) receive 20 requests for overlapping slots of one zone at once,
 * half each, and exactly one booking is made; every other request is a 409, none an error. Built like
 * {@code MultiInstanceTests}: in-process instances, each with its own connection pool and web server.
 */
class SpaceTwoInstanceTests {

	final String database = "twospaces" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
			.run("--server.port=0", "--jinlin.timers.instance-name=" + name,
					"--spring.datasource.url=jdbc:h2:mem:" + database
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"--jinlin.test.shared-schema=" + database);
		instances.add(context);
		return context;
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	@AfterEach
	void stopAll() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twentyOverlappingRequestsSentToTwoInstancesAtOnceYieldExactlyOneBooking() throws Exception {
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		JdbcClient jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
		String path = jdbc.sql("SELECT path FROM territory_node WHERE code = ?").param(SpaceBookingTests.JUNMEN)
			.query(String.class).single();
		long community = jdbc.sql("SELECT id FROM territory_node WHERE code = ?").param(SpaceBookingTests.JUNMEN)
			.query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				INSERT INTO space (name, territory_id, territory_path, community_code, who_may_book, opens, closes, open_days,
				  created_at, updated_at, updated_by) VALUES ('双实例测试空间', ?, ?, ?, 'RESIDENTS', '08:00', '21:00',
				  '1,2,3,4,5,6,7', ?, ?, 'test')""").params(community, path, SpaceBookingTests.JUNMEN, now, now).update();
		long space = jdbc.sql("SELECT id FROM space WHERE name = '双实例测试空间'").query(Long.class).single();
		jdbc.sql("INSERT INTO space_zone (space_id, name, kind) VALUES (?, '邻里吧', 'NEIGHBOURS_BAR')").param(space).update();
		long zone = jdbc.sql("SELECT id FROM space_zone WHERE space_id = ?").param(space).query(Long.class).single();
		OffsetDateTime start = SpaceBookingTests.monday(5, 10, 0);

		HttpClient client = HttpClient.newHttpClient();
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString(("resident1:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				OffsetDateTime s = start.plusMinutes(i);
				HttpRequest request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + port(i % 2 == 0 ? a : b) + "/api/v1/spaces/bookings"))
					.header("Authorization", basic).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"zoneId\": %d, \"start\": \"%s\", \"end\": \"%s\"}"
						.formatted(zone, s, s.plusHours(1))))
					.build();
				results.add(pool.submit(() -> {
					go.await();
					return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}));
			}
			go.countDown();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM space_booking WHERE zone_id = ?").param(zone).query(Long.class).single())
			.isEqualTo(1);
		assertThat(JdbcClient.create(b.getBean(javax.sql.DataSource.class))
			.sql("SELECT COUNT(*) FROM space_booking WHERE zone_id = ? AND status = 'CONFIRMED'").param(zone)
			.query(Long.class).single()).as("the same database seen from the other instance").isEqualTo(1);
	}
}

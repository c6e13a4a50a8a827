package org.jinlin.demands;

import org.jinlin.support.DemoAccounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jinlin.JinlinApplication;
import org.jinlin.territory.Territories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sign-for deadline set on one instance fires after that instance has stopped: two new instances start
 * on the same database, one of them escalates the demand, exactly once.
 */
class DemandEscalationRestartTests {

	final String database = "restart" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
			.run("--server.port=0", "--jinlin.timers.polling-interval=PT0.3S", "--jinlin.timers.instance-name=" + name,
					"--jinlin.demands.deadline-override=PT10S",
					// If the stopping instance had already picked the timer, the others see it dead within seconds.
					"--jinlin.timers.heartbeat-interval=PT1S",
					// A file database, as the platform runs by default: it really closes when the last instance stops.
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
	void aDeadlineSetBeforeARestartEscalatesOnceAfterIt() throws Exception {
		ConfigurableApplicationContext a = start("a");
		long building = a.getBean(Territories.class).lookupByCode("350102004001G01C01B01").orElseThrow().id();
		long grid = a.getBean(Territories.class).lookupByCode("350102004001G01").orElseThrow().id();
		int port = Integer.parseInt(a.getEnvironment().getProperty("local.server.port"));
		HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/demands"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("resident1:" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"categoryCode\":\"sanitation\",\"description\":\"restart probe\",\"locationNodeId\":" + building + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		a.close();
		java.time.Instant stopped = java.time.Instant.now();

		ConfigurableApplicationContext b = start("b");
		ConfigurableApplicationContext c = start("c");
		JdbcClient jdbc = JdbcClient.create(b.getBean(javax.sql.DataSource.class));
		// Each level re-arms the (shortened) deadline, so by now it may have climbed further: count the steps.
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'ESCALATED' AND unit_name = '军门社区'")
			.param(id).query(Integer.class).single() > 0);
		// Give the other instance every chance to fire the same timer again: the count must stay at one.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'ESCALATED' AND unit_name = '军门社区'")
			.param(id).query(Integer.class).single() == 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM demand_step WHERE demand_id = ? AND kind = 'ESCALATED' AND unit_name = '军门社区'")
			.param(id).query(Integer.class).single()).isEqualTo(1);
		java.time.OffsetDateTime escalatedAt = jdbc.sql(
				"SELECT at FROM demand_step WHERE demand_id = ? AND kind = 'ESCALATED' AND unit_name = '军门社区'")
			.param(id).query(java.time.OffsetDateTime.class).single();
		assertThat(escalatedAt.toInstant()).as("fired by a new instance, after the first one stopped").isAfter(stopped);
		assertThat(jdbc.sql("SELECT handler_node_id FROM demand WHERE id = ?").param(id).query(Long.class).single())
			.as("no longer with the grid").isNotEqualTo(grid);
		assertThat(c.isActive()).isTrue();
	}
}

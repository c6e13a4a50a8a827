package org.jinlin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several stateless instances against one database: a session made on one instance is good
 * on another, demo data is loaded once, and each timer fires exactly once across instances,
 * also when the instance that scheduled it has been stopped.
 */
class MultiInstanceTests {

	static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

	static final Map<String, String> EXECUTED_BY = new ConcurrentHashMap<>();

	final String database = "multi" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@Configuration(proxyBeanMethods = false)
	static class TimerProbe {

		@Bean
		OneTimeTask<String> probeTask(org.springframework.core.env.Environment env) {
			String me = env.getProperty("jinlin.timers.instance-name");
			return Tasks.oneTime("multi-instance-probe", String.class).execute((instance, context) -> {
				EXECUTIONS.computeIfAbsent(instance.getId(), k -> new AtomicInteger()).incrementAndGet();
				EXECUTED_BY.put(instance.getId(), me);
			});
		}
	}

	ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class, TimerProbe.class)
			.run("--server.port=0", "--jinlin.timers.polling-interval=PT0.5S", "--jinlin.timers.instance-name=" + name,
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
	void aSessionMadeOnOneInstanceIsGoodOnAnother() throws Exception {
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		// Cookies are not scoped by port, so the one client carries the session from a to b.
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String loginPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=junmen&password=" + DemoAccounts.PASSWORD + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("军门社区");

		JdbcClient jdbc = JdbcClient.create(b.getBean(javax.sql.DataSource.class));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'junmen'").query(Long.class).single())
			.as("demo accounts loaded once").isEqualTo(1L);
	}

	@Test
	void eachTimerFiresOnceAcrossInstancesAndSurvivesARestart() {
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		@SuppressWarnings("unchecked")
		OneTimeTask<String> task = a.getBean("probeTask", OneTimeTask.class);
		String prefix = UUID.randomUUID().toString();
		Instant due = Instant.now().plusSeconds(1);
		for (int i = 0; i < 40; i++) {
			a.getBean(Scheduler.class).schedule(task.instance(prefix + "-" + i), due);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> countFor(prefix) == 40);
		assertThat(EXECUTIONS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)))
			.allSatisfy(e -> assertThat(e.getValue().get()).as("executions of %s", e.getKey()).isEqualTo(1));

		// Scheduled on a, which stops before it is due; a new instance c fires it.
		String survivor = prefix + "-restart";
		a.getBean(Scheduler.class).schedule(task.instance(survivor), Instant.now().plusSeconds(4));
		b.close();
		a.close();
		start("c");
		await().atMost(Duration.ofSeconds(30)).until(() -> EXECUTIONS.containsKey(survivor));
		assertThat(EXECUTIONS.get(survivor).get()).isEqualTo(1);
		assertThat(EXECUTED_BY.get(survivor)).isEqualTo("c");
	}

	/**
	 * The public log with two instances: facts arriving on both (some delivered on both), integration running on
	 * both at once (their timers and direct calls), and still every fact has exactly one leaf, the leaves are
	 * numbered without a gap, and every checkpoint ever signed is a prefix of the final tree.
	 */
	@Test
	void publicFactsArrivingOnBothInstancesGoInOnceAndEveryCheckpointIsAPrefixOfTheTree() throws Exception {
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		long base = 5_000_000L + (System.nanoTime() % 1_000L) * 1_000L;
		Instant now = Instant.now();
		java.util.function.LongFunction<org.jinlin.demands.DemandClosed> fact = id -> new org.jinlin.demands.DemandClosed(
				id, "/1/", 1L, null, org.jinlin.demands.Rating.SATISFIED, false, now, null, "environment",
				org.jinlin.demands.Outcome.RESOLVED, now.minusSeconds(3600), now.minusSeconds(60));
		var integrating = java.util.concurrent.Executors.newFixedThreadPool(2);
		var stop = new java.util.concurrent.atomic.AtomicBoolean();
		for (ConfigurableApplicationContext instance : List.of(a, b)) {
			var integration = instance.getBean(org.jinlin.publiclog.internal.LogIntegration.class);
			integrating.submit(() -> {
				while (!stop.get()) {
					integration.integrateAll();
				}
				return null;
			});
		}
		for (int i = 0; i < 120; i++) {
			long id = base + i;
			ConfigurableApplicationContext on = i % 2 == 0 ? a : b;
			on.getBean(org.springframework.transaction.support.TransactionTemplate.class)
				.executeWithoutResult(t -> on.publishEvent(fact.apply(id)));
			if (i % 6 == 0) { // delivered again, on the other instance
				ConfigurableApplicationContext other = on == a ? b : a;
				other.getBean(org.springframework.transaction.support.TransactionTemplate.class)
					.executeWithoutResult(t -> other.publishEvent(fact.apply(id)));
			}
		}
		JdbcClient jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM log_leaf WHERE source_key LIKE 'demand.closed:%' AND CAST(SUBSTRING(source_key, 15) AS BIGINT) BETWEEN ? AND ?")
			.params(base, base + 119).query(Long.class).single() == 120);
		stop.set(true);
		integrating.shutdown();
		assertThat(integrating.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		a.getBean(org.jinlin.publiclog.internal.LogIntegration.class).integrateAll();

		long leaves = jdbc.sql("SELECT COUNT(*) FROM log_leaf").query(Long.class).single();
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT source_key) FROM log_leaf").query(Long.class).single()).isEqualTo(leaves);
		assertThat(jdbc.sql("SELECT MAX(idx) + 1 FROM log_leaf").query(Long.class).single()).isEqualTo(leaves);
		var tiles = org.jinlin.publiclog.tlog.Tiles.nodes((level, index, width) -> jdbc
			.sql("SELECT hashes FROM log_tile WHERE level = ? AND idx = ?").params(level, index).query(byte[].class).single());
		var tree = new org.jinlin.publiclog.tlog.MerkleProofs(tiles);
		List<Object[]> checkpoints = jdbc.sql("SELECT tree_size, root_hash FROM log_checkpoint ORDER BY tree_size")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) }).list();
		assertThat(checkpoints).hasSizeGreaterThan(1);
		assertThat((Long) checkpoints.get(checkpoints.size() - 1)[0]).isEqualTo(leaves);
		for (Object[] c : checkpoints) {
			assertThat(tree.root((Long) c[0])).as("checkpoint of %d", c[0]).isEqualTo((byte[]) c[1]);
		}
		assertThat(a.getBean(org.jinlin.publiclog.internal.LogSelfCheck.class).check().sound()).isTrue();
	}

	private static long countFor(String prefix) {
		return EXECUTIONS.keySet().stream().filter(k -> k.startsWith(prefix)).count();
	}
}

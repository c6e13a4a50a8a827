package org.jinlin.shared.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A stop drains the work in hand, as {@code ./mvnw spring-boot:run} is stopped: the application's own configuration
 * (the embedded H2 file database under {@code ./data} of its working directory, the demo city), stopped with SIGTERM
 * the moment it reports UP, while the demo's listeners still have hundreds of event deliveries queued. The stop logs
 * no error (before, every queued delivery and the timers ran into "Database is already closed"), finishes within the
 * shutdown phases, and loses nothing: every delivery left in the queue is an incomplete publication in the registry,
 * for the resubmission timer. Runs on the embedded database only (tag {@code embedded}).
 */
@Tag("embedded")
class ShutdownDrainTests {

	private static final Pattern DRAINED = Pattern.compile("Stopping: (\\d+) queued task");

	Process app;

	@AfterEach
	void kill() {
		if (app != null) {
			app.destroyForcibly();
		}
	}

	@Test
	void aStopWhileListenersAreBusyLogsNoErrorAndLeavesTheRestToTheRegistry() throws Exception {
		Path dir = Path.of("target", "shutdown-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		Files.createDirectories(dir);
		Path log = dir.resolve("app.log");
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		app = new ProcessBuilder(List.of(java, "-Xmx768m", "-Dfile.encoding=UTF-8", "-cp", classpath,
				"org.jinlin.JinlinApplication", "--server.port=" + port, "--jinlin.circle.auto-runs=false"))
			.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		await().alias("the application did not start, see " + log).atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(250)).until(() -> {
				assertThat(app.isAlive()).as("exited early, see " + log).isTrue();
				try {
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					return r.statusCode() == 200 && r.body().contains("UP");
				}
				catch (IOException notYet) {
					return false;
				}
			});

		app.destroy(); // SIGTERM, as a service manager stops it
		assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("stopped in time, see " + log).isTrue();

		String out = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(out).as("the demo city was seeded").contains("Demo volunteers:");
		assertThat(out.lines().filter(l -> l.contains(" ERROR ") || l.contains("already closed")).limit(5).toList())
			.as("errors logged while stopping, see " + log).isEmpty();
		assertThat(out).contains("HikariPool-1 - Shutdown completed");

		Matcher m = DRAINED.matcher(out);
		long drained = m.find() ? Long.parseLong(m.group(1)) : 0;
		try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/jinlin")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
				ResultSet rs = c.createStatement()
					.executeQuery("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")) {
			rs.next();
			assertThat(rs.getLong(1)).as("every delivery taken out of the queue is still in the registry")
				.isGreaterThanOrEqualTo(drained);
		}
		System.out.printf("shutdown drain: %d queued deliveries left to the registry, stopped cleanly%n", drained);
	}
}

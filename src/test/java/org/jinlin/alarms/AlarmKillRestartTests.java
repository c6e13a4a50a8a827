package org.jinlin.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hard case, with real processes: an alarm is raised on an instance that is then killed with SIGKILL
 * ({@code kill -9}: no shutdown hook, no graceful stop) before its acknowledgement timeout; a new instance starts
 * on the same database — two of them, as behind a load balancer — and the escalation still fires, on time and
 * exactly once.
 * <p>
 * Runs the application's main class in child JVMs on this test's class path, against an H2 file database (or, on
 * the PostgreSQL run, a shared schema of the test database).
 */
class AlarmKillRestartTests {

	static final Duration ACK_TIMEOUT = Duration.ofSeconds(75);

	final String database = "kill" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final List<Process> processes = new ArrayList<>();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Path logDir;

	@AfterEach
	void stop() {
		processes.forEach(Process::destroyForcibly);
	}

	Process start(String name, int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		logDir = Path.of("target", "kill-restart");
		Files.createDirectories(logDir);
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Dfile.encoding=UTF-8",
				"-Dspring.profiles.active=" + System.getProperty("spring.profiles.active", "test"),
				"-cp", classpath, "org.jinlin.JinlinApplication",
				"--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:./target/" + database
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0",
				"--jinlin.test.shared-schema=" + database,
				"--jinlin.timers.instance-name=" + name,
				"--jinlin.alarms.ack-timeout=" + ACK_TIMEOUT,
				// The 768 MB instances have no use for the 15-minute circle's background runs here.
				"--jinlin.circle.auto-runs=false"));
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logDir.resolve(database + "-" + name + ".log").toFile()).start();
		processes.add(p);
		return p;
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	void awaitUp(Process p, int port) {
		await().alias("instance did not start in time").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
			.until(() -> {
				assertThat(p.isAlive()).as("instance exited early, see target/kill-restart").isTrue();
				return healthy(port);
			});
	}

	boolean healthy(int port) throws InterruptedException {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
			return r.statusCode() == 200 && r.body().contains("UP");
		}
		catch (IOException notYet) {
			// still starting
			return false;
		}
	}

	HttpResponse<String> alarm(int port, long id) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(as("junmen-grid1", "http://localhost:" + port + "/api/v1/alarms/" + id).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return r;
	}

	HttpRequest.Builder as(String user, String url) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30));
	}

	@Test
	void anEscalationSetBeforeAKillNineFiresOnTimeAfterTheRestart() throws Exception {
		int portA = freePort();
		Process a = start("a", portA);
		awaitUp(a, portA);
		HttpResponse<String> raised = http.send(as("resident1", "http://localhost:" + portA + "/api/v1/alarms")
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"SOS\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(raised.body(), "$.id")).longValue();

		a.destroyForcibly(); // SIGKILL on Linux
		assertThat(a.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		assertThat(a.exitValue()).isEqualTo(137);

		int portB = freePort();
		int portC = freePort();
		// One after the other: the second H2 process joins through the first one's AUTO_SERVER port.
		Process b = start("b", portB);
		awaitUp(b, portB);
		Process c = start("c", portC);
		awaitUp(c, portC);
		Instant bUp = Instant.now();

		AtomicReference<String> escalatedView = new AtomicReference<>();
		await().alias("the escalation never fired after the restart").atMost(ACK_TIMEOUT.plus(Duration.ofSeconds(60)))
			.pollInterval(Duration.ofMillis(500)).until(() -> {
				HttpResponse<String> r = alarm(portB, id);
				if (((Number) JsonPath.read(r.body(), "$.escalationLevel")).intValue() >= 1) {
					escalatedView.set(r.body());
					return true;
				}
				return false;
			});
		String view = escalatedView.get();
		assertThat(view).as("the escalation never fired after the restart").isNotNull();
		Instant raisedAt = Instant.parse(JsonPath.read(view, "$.raisedAt"));
		List<String> escalatedAt = JsonPath.read(view, "$.timeline[?(@.kind == 'ESCALATED')].at");
		assertThat(escalatedAt).isNotEmpty();
		Instant escalated = Instant.parse(escalatedAt.get(0));
		Instant due = raisedAt.plus(ACK_TIMEOUT);
		// Never early; and late only by the polling interval, or — when the new instance came up after the deadline —
		// by how long after starting it took to pick the timer up.
		assertThat(escalated).isAfterOrEqualTo(due);
		Instant latest = (bUp.isAfter(due) ? bUp : due).plus(Duration.ofSeconds(8));
		assertThat(escalated).isBeforeOrEqualTo(latest);
		System.out.printf("kill -9 restart: deadline %s, instances B and C up %s, escalated %s (%d ms after the deadline)%n", due, bUp,
				escalated, Duration.between(due, escalated).toMillis());
		// Exactly once with two instances polling: each stage fires once. On a slow machine the next stage (one more
		// acknowledgement timeout later) may already have fired by now, which is right; a stage fired twice would
		// show as two escalations within the polling interval, and as more notifications than stages.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
			.until(() -> onePerStage(alarm(portC, id).body()));
		HttpResponse<String> again = alarm(portC, id);
		assertThat(onePerStage(again.body())).as(again.body()).isTrue();
		assertThat((List<?>) JsonPath.read(again.body(), "$.chain[?(@.stage == 1 && @.notifiedAt)]")).hasSize(1);
		new File("target/" + database + ".mv.db").deleteOnExit();
	}

	/** Escalations at least an acknowledgement timeout apart, and no more notifications than stages reached (stage 0 included). */
	static boolean onePerStage(String view) {
		List<String> at = JsonPath.read(view, "$.timeline[?(@.kind == 'ESCALATED')].at");
		List<Instant> times = at.stream().map(Instant::parse).sorted().toList();
		for (int i = 1; i < times.size(); i++) {
			if (Duration.between(times.get(i - 1), times.get(i)).compareTo(ACK_TIMEOUT.minusSeconds(2)) < 0) {
				return false;
			}
		}
		List<?> notified = JsonPath.read(view, "$.timeline[?(@.kind == 'NOTIFIED')]");
		return !times.isEmpty() && notified.size() >= 2 && notified.size() <= times.size() + 1;
	}
}

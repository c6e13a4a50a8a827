package org.jinlin.publiclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.jinlin.publiclog.tlog.Checkpoint;
import org.jinlin.publiclog.tlog.ProofVerifier;
import org.jinlin.publiclog.tlog.SignedNote;
import org.jinlin.publiclog.tlog.TreeHashes;
import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Exactly once with real processes: instances A and B on one database, public facts arriving on both (service hours
 * reversed through the API on each, and the demo city's hours credited and certificates issued), and A killed with
 * SIGKILL ({@code kill -9}: no shutdown hook) in the middle of integrating them, with requests of its own in flight. A new instance C starts, and then every public fact has exactly
 * one leaf, every checkpoint any instance served during the run is a prefix of the final tree (consistency proofs
 * checked with the module's {@link ProofVerifier}), and the self-check finds the log sound.
 * <p>
 * To make the kill land in integration, B (started first, with the demo city) polls for timers only once, at its
 * start; the reversals made on B and A wait until A integrates them, one per transaction with a checkpoint each and
 * a pause after each (the throttle {@code jinlin.publiclog.pause-between-batches}), so A's run lasts minutes on any
 * machine. A is killed once the test sees A's integration run picked (db-scheduler's row) with facts still waiting;
 * C revives the dead run. Runs the application's main class in child JVMs on this test's class path,
 * against an H2 file database served by B (AUTO_SERVER), or, on the PostgreSQL run, a shared schema of the test
 * database — like {@code AlarmKillRestartTests}.
 */
@org.junit.jupiter.api.Tag("processes")
class LogKillRestartTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	final String database = "log" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	final boolean postgres = System.getProperty("spring.profiles.active", "").contains("pgtest");

	final List<Process> processes = new CopyOnWriteArrayList<>();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final ExecutorService producers = Executors.newFixedThreadPool(2);

	final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

	final AtomicBoolean stop = new AtomicBoolean();

	SingleConnectionDataSource connection;

	@AfterEach
	void stopAll() throws Exception {
		stop.set(true);
		producers.shutdownNow();
		poller.shutdownNow();
		if (connection != null) {
			connection.destroy();
		}
		for (Process p : processes) {
			p.destroyForcibly();
			p.waitFor(30, TimeUnit.SECONDS);
		}
		if (postgres) {
			try (Connection c = DriverManager.getConnection(pgUrl(""), pgUser(), pgPassword());
					Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + database + " CASCADE");
			}
		}
		else {
			Files.deleteIfExists(Path.of("target", database + ".mv.db"));
			Files.deleteIfExists(Path.of("target", database + ".trace.db"));
		}
	}


	Process start(String name, int port, String pollEvery, String integrateEvery, int batch, String pause) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path logDir = Path.of("target", "kill-restart");
		Files.createDirectories(logDir);
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Dfile.encoding=UTF-8",
				"-Dspring.profiles.active=" + System.getProperty("spring.profiles.active", "test"),
				"-cp", classpath, "org.jinlin.JinlinApplication",
				"--server.port=" + port,
				"--spring.datasource.url=" + h2Url(),
				"--jinlin.test.shared-schema=" + database,
				"--jinlin.timers.instance-name=" + name,
				"--jinlin.timers.polling-interval=" + pollEvery,
				"--jinlin.timers.heartbeat-interval=PT1S",
				"--jinlin.publiclog.batch=" + batch,
				"--jinlin.publiclog.pause-between-batches=" + pause,
				"--jinlin.publiclog.integrate-every=" + integrateEvery,
				// a listener cut off by the kill is delivered again within seconds, not minutes
				"--jinlin.events.resubmit-after=PT5S",
				"--jinlin.events.resubmit-every=PT2S",
				"--jinlin.circle.auto-runs=false",
				// only B loads the demo city; A and C are plain instances, as in production
				"--jinlin.demo.enabled=" + name.equals("b")));
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logDir.resolve(database + "-" + name + ".log").toFile()).start();
		processes.add(p);
		return p;
	}

	String h2Url() {
		return "jdbc:h2:file:./target/" + database
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
	}

	static String pgUrl(String schema) {
		String base = System.getProperty("jinlin.test.postgres.url", "jdbc:postgresql://localhost:5432/jinlin_test");
		return schema.isEmpty() ? base : base + "?currentSchema=" + schema;
	}

	static String pgUser() {
		return System.getProperty("jinlin.test.postgres.user", "jinlin");
	}

	static String pgPassword() {
		return System.getProperty("jinlin.test.postgres.password", "jinlin");
	}

	/** The test's own look at the database (through B's H2 server, or the PostgreSQL schema). */
	JdbcClient database() {
		connection = postgres ? new SingleConnectionDataSource(pgUrl(database), pgUser(), pgPassword(), true)
				: new SingleConnectionDataSource(h2Url(), "sa", "", true);
		return JdbcClient.create(connection);
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	void awaitUp(Process p, int port) {
		awaitHealth(p, port, "/actuator/health");
	}

	void awaitHealth(Process p, int port, String path) {
		await().alias("instance did not start in time").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
			.until(() -> {
				assertThat(p.isAlive()).as("instance exited early, see target/kill-restart").isTrue();
				try {
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
						.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					return r.statusCode() == 200 && r.body().contains("UP");
				}
				catch (IOException notYet) {
					return false;
				}
			});
	}

	HttpRequest.Builder as(String user, String url) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30));
	}

	/** Reverses the transfers one after the other on one instance until told to stop; counts the 200s. */
	void reverse(int port, List<Long> transfers, AtomicInteger done) {
		for (long id : transfers) {
			if (stop.get()) {
				return;
			}
			try {
				HttpResponse<String> r = http.send(as(DemoAccounts.CITY, "http://localhost:" + port
						+ "/api/v1/service-hours/transfers/" + id + "/reversal").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"kill -9 test\"}")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					done.incrementAndGet();
				}
			}
			catch (IOException | InterruptedException gone) {
				return; // the instance was killed
			}
		}
	}

	/** A checkpoint as an instance served it. */
	record Seen(long size, String rootHash, String note) {
	}

	@Test
	void aKillNineDuringIntegrationLosesNothingAndLogsNothingTwice() throws Exception {
		long began = System.nanoTime();
		int portB = freePort();
		int portA = freePort();
		// B first: it serves the H2 file to the others, and polls for timers only at its start (nothing is due then).
		Process b = start("b", portB, "PT10M", "PT10M", 1, "PT0S");
		// B's web server is up (and the H2 file served) before it has loaded the demo city: A starts meanwhile.
		awaitHealth(b, portB, "/actuator/health/liveness");
		JdbcClient db = database();
		// A integrates one fact per transaction and checkpoint with a pause of 0.2 s after each: a run through the
		// backlog of minutes, to be killed in, however fast or slow the machine (see dueOnA).
		Process a = start("a", portA, "PT0.5S", "PT10S", 1, "PT0.2S");
		// Asked of the database, not the API: a sign-in before the demo accounts exist would count as a failure.
		await().alias("the demo city's service hours were not booked").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> db.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(DemoAccounts.CITY).query(Long.class).single() == 1
					&& db.sql("SELECT COUNT(*) FROM ledger_transfer WHERE kind = 'SERVICE'").query(Long.class).single() >= 400);
		HttpResponse<String> transfers = http.send(as(DemoAccounts.CITY,
				"http://localhost:" + portB + "/api/v1/service-hours/transfers?limit=500").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(transfers.statusCode()).as(transfers.body()).isEqualTo(200);
		List<Number> ids = JsonPath.read(transfers.body(), "$[?(@.kind == 'SERVICE' && @.reversed == false)].id");
		assertThat(ids).as("service transfers of the demo city to reverse").hasSizeGreaterThan(150);
		// A third reversed on B while A starts, a third on A until it is killed, a third on B after the kill.
		List<Long> onB = new ArrayList<>();
		List<Long> onA = new ArrayList<>();
		List<Long> onBAfter = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			(i % 3 == 0 ? onB : i % 3 == 1 ? onA : onBAfter).add(ids.get(i).longValue());
		}

		// Every checkpoint any live instance serves during the run.
		Map<Long, Set<Seen>> seen = new ConcurrentHashMap<>();
		List<Integer> live = new CopyOnWriteArrayList<>(List.of(portB));
		poller.scheduleWithFixedDelay(() -> {
			for (int port : live) {
				try {
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/api/v1/log/checkpoint")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() == 200) {
						long size = ((Number) JsonPath.read(r.body(), "$.size")).longValue();
						seen.computeIfAbsent(size, k -> ConcurrentHashMap.newKeySet())
							.add(new Seen(size, JsonPath.read(r.body(), "$.rootHash"), JsonPath.read(r.body(), "$.note")));
					}
				}
				catch (IOException gone) {
					// killed, or not up yet
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}, 0, 150, TimeUnit.MILLISECONDS);

		// Facts on B while A starts: they wait with the demo city's, as B integrates nothing.
		AtomicInteger reversedOnB = new AtomicInteger();
		AtomicInteger reversedOnA = new AtomicInteger();
		AtomicInteger reversedOnBAfter = new AtomicInteger();
		producers.submit(() -> reverse(portB, onB, reversedOnB));
		awaitUp(a, portA);
		live.add(portA);
		producers.submit(() -> reverse(portA, onA, reversedOnA));

		// A integrates the backlog: kill it in the middle of that, once it has taken facts of its own.
		String integrating = "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'publiclog-integrate' AND picked AND picked_by = 'a'";
		// Up to 3 minutes: on a loaded 2-core machine A's start and B's listeners can take long to line up (the wait
		// ends as soon as they do); on failure the counts and the end of A's log say which part was missing.
		try {
			await().alias("A never integrated with facts waiting").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
				.until(() -> dueOnA(db) && reversedOnA.get() >= 10 && db.sql(integrating).query(Long.class).single() == 1
						&& db.sql("SELECT COUNT(*) FROM log_leaf").query(Long.class).single() >= 10
						&& db.sql("SELECT COUNT(*) FROM log_pending").query(Long.class).single() >= 10);
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			throw new AssertionError("kill test state: reversedOnA=" + reversedOnA.get() + " reversedOnB=" + reversedOnB.get()
					+ " integratingByA=" + db.sql(integrating).query(Long.class).single() + " integrationRow="
					+ db.sql("SELECT picked, picked_by, execution_time FROM scheduled_tasks WHERE task_name = 'publiclog-integrate'")
						.query().listOfRows()
					+ " leaves=" + db.sql("SELECT COUNT(*) FROM log_leaf").query(Long.class).single() + " pending="
					+ db.sql("SELECT COUNT(*) FROM log_pending").query(Long.class).single() + "\nA's log ends:\n"
					+ tail(Path.of("target", "kill-restart", database + "-a.log"), 40), e);
		}
		a.destroyForcibly(); // SIGKILL on Linux
		assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(a.exitValue()).isEqualTo(137);
		live.remove((Integer) portA);
		long leavesAtKill = db.sql("SELECT COUNT(*) FROM log_leaf").query(Long.class).single();
		long waitingAtKill = db.sql("SELECT COUNT(*) FROM log_pending").query(Long.class).single();
		assertThat(db.sql(integrating).query(Long.class).single()).as("the kill landed while A was integrating").isEqualTo(1L);
		producers.submit(() -> reverse(portB, onBAfter, reversedOnBAfter));

		int portC = freePort();
		Process c = start("c", portC, "PT0.5S", "PT0.5S", 50, "PT0S");
		awaitUp(c, portC);
		live.add(portC);
		// Facts on B until C is up, then none: everything must go in.
		stop.set(true);
		producers.shutdown();
		assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		// The public facts, from the records: every service record credited hours, every reversal of a service
		// transfer took them back — and every event the log's listener ever received. Each has exactly one leaf.
		await().alias("facts missing from the log after the restart").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500)).until(() -> missing(db).isEmpty()
					&& db.sql("SELECT COUNT(*) FROM log_pending").query(Long.class).single() == 0);
		assertThat(missing(db)).isEmpty();
		poller.shutdown();
		assertThat(poller.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		List<String> keys = db.sql("SELECT source_key FROM log_leaf").query(String.class).list();
		assertThat(new HashSet<>(keys)).as("no fact twice").hasSize(keys.size());
		assertThat(keys).containsAll(expected(db));
		assertThat(new HashSet<>(keys)).as("no leaf without a fact").isEqualTo(published(db));
		long size = keys.size();
		assertThat(db.sql("SELECT MAX(idx) + 1 FROM log_leaf").query(Long.class).single()).as("no gap").isEqualTo(size);

		// Every checkpoint seen is signed by the log's key, one root per size, each a prefix of the next.
		HttpResponse<String> latest = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portC + "/api/v1/log/checkpoint"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(((Number) JsonPath.read(latest.body(), "$.size")).longValue()).isEqualTo(size);
		seen.computeIfAbsent(size, k -> ConcurrentHashMap.newKeySet())
			.add(new Seen(size, JsonPath.read(latest.body(), "$.rootHash"), JsonPath.read(latest.body(), "$.note")));
		SignedNote.Verifier verifier = SignedNote.verifier(JsonPath.read(latest.body(), "$.verifierKey"));
		TreeMap<Long, String> roots = new TreeMap<>();
		for (Set<Seen> same : seen.values()) {
			assertThat(same.stream().map(Seen::rootHash).distinct()).as("one root for a size").hasSize(1);
			for (Seen s : same) {
				Checkpoint cp = Checkpoint.parse(SignedNote.open(s.note(), verifier));
				assertThat(cp.size()).isEqualTo(s.size());
				assertThat(Base64.getEncoder().encodeToString(cp.rootHash())).isEqualTo(s.rootHash());
				roots.put(s.size(), s.rootHash());
			}
		}
		assertThat(roots.keySet()).as("checkpoints seen before the kill, after it, and the last").hasSizeGreaterThan(3)
			.anyMatch(s -> s <= leavesAtKill);
		Long previous = null;
		for (long s : roots.keySet()) {
			if (previous != null) {
				HttpResponse<String> proof = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portC
						+ "/api/v1/log/proof/consistency?from=" + previous + "&to=" + s)).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
				List<String> hashes = JsonPath.read(proof.body(), "$.proof");
				ProofVerifier.Verdict v = ProofVerifier.consistency(previous, s,
						hashes.stream().map(Base64.getDecoder()::decode).toList(), Base64.getDecoder().decode(roots.get(previous)),
						Base64.getDecoder().decode(roots.get(s)));
				assertThat(v.valid()).as("checkpoint %d a prefix of %d: %s", previous, s, v.reason()).isTrue();
			}
			previous = s;
		}

		// The self-check on C, run now by staff, finds the log sound.
		assertThat(checkNow(portC)).isEqualTo(302);
		HttpResponse<String> status = http.send(as(DemoAccounts.COMMUNITY, "http://localhost:" + portC + "/api/v1/log/status").GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(status.body(), "$.sound")).as(status.body()).isTrue();
		assertThat(((Number) JsonPath.read(status.body(), "$.size")).longValue()).isEqualTo(size);
		System.out.printf("public log kill -9: A killed integrating at %d leaves with %d waiting; after C: %d leaves, each fact once "
				+ "(reversals answered: %d on B, %d on A, %d on B after the kill), %d checkpoints seen, all consistent, self-check sound (%d s)%n",
				leavesAtKill, waitingAtKill, size, reversedOnB.get(), reversedOnA.get(), reversedOnBAfter.get(), roots.size(),
				TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
	}

	/**
	 * B polls once, at its start, and finds the integration due: with the demo city loading, that run lasts until
	 * the demo's facts are in, and A's start cannot reschedule a run in progress, so B leaves the next one 10 minutes
	 * off. Once B's run is over, the test makes it due now for A, the only instance polling. Always true.
	 */
	static boolean dueOnA(JdbcClient db) {
		db.sql("""
				UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP
				WHERE task_name = 'publiclog-integrate' AND NOT picked AND execution_time > CURRENT_TIMESTAMP + INTERVAL '1' MINUTE""")
			.update();
		return true;
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException e) {
			return "(unreadable: " + e + ")";
		}
	}

	/** The source keys of the facts in the records of service hours. */
	static Set<String> expected(JdbcClient db) {
		Set<String> keys = new HashSet<>();
		db.sql("SELECT id FROM service_record").query(Long.class).list().forEach(id -> keys.add("hours.credited:" + id));
		db.sql("""
				SELECT r.id FROM ledger_transfer r JOIN ledger_transfer o ON o.id = r.reverses_id
				WHERE r.kind = 'REVERSAL' AND o.kind <> 'TIME_BANK_DEPOSIT'""").query(Long.class).list()
			.forEach(id -> keys.add("hours.reversed:" + id));
		return keys;
	}

	/** The source keys of every event the log's listener was given (the event publication registry). */
	static Set<String> published(JdbcClient db) {
		Set<String> keys = new HashSet<>();
		for (Map<String, Object> p : db.sql("""
				SELECT event_type, serialized_event FROM event_publication
				WHERE listener_id LIKE 'org.jinlin.publiclog.internal.PublicFacts.%'""").query().listOfRows()) {
			String type = String.valueOf(p.get("event_type"));
			String json = String.valueOf(p.get("serialized_event"));
			if (type.endsWith(".HoursCredited")) {
				keys.add("hours.credited:" + JsonPath.read(json, "$.recordId"));
			}
			else if (type.endsWith(".HoursReversed")) {
				keys.add("hours.reversed:" + JsonPath.read(json, "$.reversalId"));
			}
			else if (type.endsWith(".DemandClosed")) {
				keys.add("demand.closed:" + JsonPath.read(json, "$.demandId"));
			}
			else if (type.endsWith(".CertificateIssued")) {
				String number = JsonPath.read(json, "$.number");
				keys.add("certificate.issued:"
						+ HexFormat.of().formatHex(TreeHashes.sha256(number.getBytes(StandardCharsets.UTF_8))));
			}
			else {
				throw new AssertionError("An event the test does not know: " + type);
			}
		}
		return keys;
	}

	/** Facts of the records or the registry that have no leaf (yet). */
	static Set<String> missing(JdbcClient db) {
		Set<String> wanted = expected(db);
		wanted.addAll(published(db));
		wanted.removeAll(db.sql("SELECT source_key FROM log_leaf").query(String.class).list());
		return wanted;
	}

	/** Signs in as the community's staff through the form and presses "check now" on the status page. */
	int checkNow(int port) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(login);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + DemoAccounts.COMMUNITY + "&password=" + DemoAccounts.PASSWORD
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/log/status")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("the status page's form").isTrue();
		return browser.send(HttpRequest.newBuilder(URI.create(base + "/log/status/check"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
	}
}

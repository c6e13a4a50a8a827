package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.protobuf.ByteString;
import org.jinlin.circle.CircleSettings;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replacing the walking network with a real OpenStreetMap extract in the background and going back to the generated
 * grid. Its own Spring context (a separate graph cache), so the other tests keep the demo city's network.
 */
@SpringBootTest(properties = { "jinlin.circle.network.cache-dir=target/graph-cache-replacement-test",
		"jinlin.timers.polling-interval=PT0.5S" })
class NetworkReplacementTests {

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	@Autowired
	WalkingNetworks networks;

	@Autowired
	NetworkJobs jobs;

	@Autowired
	NetworkHolder holder;

	@Autowired
	NetworkRepository rows;

	@Autowired
	CircleSettings settings;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Territories territories;

	@Autowired
	FieldErrors problems;

	@Autowired
	JdbcClient jdbc;

	/** A job held at its switch by a test; released after it, so a failed test leaves no job to switch later. */
	volatile CountDownLatch held;

	@AfterEach
	void signOut() {
		if (held != null) {
			held.countDown();
		}
		SecurityContextHolder.clearContext();
		jobs.stageHook = stage -> {
		};
	}

	void as(String name, Role role, String code) {
		TerritoryNode node = territories.lookupByCode(code).orElseThrow();
		Actor actor = new Actor(1L, name, Set.of(role), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				"ROLE_" + role.name()));
	}

	static byte[] andorra() throws IOException {
		try (var in = NetworkReplacementTests.class.getResourceAsStream("/osm/andorra.osm.pbf")) {
			return in.readAllBytes();
		}
	}

	/** OpenStreetMap data (PBF) with a shop and a building outline but not one street. */
	static byte[] noStreets() throws IOException {
		var strings = Osmformat.StringTable.newBuilder();
		for (String t : List.of("", "shop", "bakery", "building", "yes")) {
			strings.addS(ByteString.copyFromUtf8(t));
		}
		var nodes = Osmformat.PrimitiveGroup.newBuilder();
		double[][] at = { { 42.5063, 1.5218 }, { 42.5064, 1.5219 }, { 42.5065, 1.5219 }, { 42.5065, 1.5220 } };
		for (int i = 0; i < at.length; i++) {
			var node = Osmformat.Node.newBuilder().setId(i + 1).setLat(Math.round(at[i][0] * 1e7))
				.setLon(Math.round(at[i][1] * 1e7));
			if (i == 0) {
				node.addKeys(1).addVals(2);
			}
			nodes.addNodes(node);
		}
		var outline = Osmformat.Way.newBuilder().setId(10).addRefs(2).addRefs(1).addRefs(1).addRefs(-2).addKeys(3)
			.addVals(4);
		Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder()
			.setStringtable(strings)
			.setGranularity(100)
			.addPrimitivegroup(nodes)
			.addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().addWays(outline))
			.build();
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
		blob(out, "OSMHeader", Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6").build().toByteArray());
		blob(out, "OSMData", block.toByteArray());
		return bytes.toByteArray();
	}

	private static void blob(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
		Fileformat.Blob blob = Fileformat.Blob.newBuilder().setRaw(ByteString.copyFrom(data)).setRawSize(data.length).build();
		Fileformat.BlobHeader header = Fileformat.BlobHeader.newBuilder().setType(type)
			.setDatasize(blob.getSerializedSize()).build();
		out.writeInt(header.getSerializedSize());
		header.writeTo(out);
		blob.writeTo(out);
	}

	/** Build folders left in the graph cache and in the system's temporary folder. */
	List<String> leftovers() throws IOException {
		List<String> found = new java.util.ArrayList<>();
		for (Path dir : List.of(holder.cacheDir(), Path.of(System.getProperty("java.io.tmpdir")))) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> list = Files.list(dir)) {
					list.map(p -> p.getFileName().toString())
						.filter(n -> n.startsWith(NetworkJobs.BUILD_PREFIX) || n.startsWith("jinlin-extract-check")
								|| n.endsWith(".part"))
						.forEach(found::add);
				}
			}
		}
		return found;
	}

	NetworkJob finished(long id) {
		return await().pollInSameThread().atMost(Duration.ofMinutes(3)).until(() -> networks.job(id), NetworkJob::finished);
	}

	@Test
	void aCityOfficialReplacesTheGridInTheBackgroundWhileTheOldNetworkKeepsAnswering() throws Exception {
		as("city", Role.CITY_OFFICIAL, "350100");
		NetworkStatus before = networks.status();
		assertThat(before.generated()).isTrue();
		// a second instance on the same database, already serving the grid
		NetworkHolder other = new NetworkHolder(rows, territories, settings, tx);
		assertThat(other.current().id()).isEqualTo(before.id());
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		List<String> tempBefore = leftovers();
		List<String> stages = new CopyOnWriteArrayList<>();
		CountDownLatch atSwitch = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		held = release;
		jobs.stageHook = stage -> {
			stages.add(stage);
			if (stage.equals("SWITCHING")) {
				atSwitch.countDown();
				try {
					release.await(2, TimeUnit.MINUTES);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		};
		java.time.OffsetDateTime changed = java.time.OffsetDateTime.now().minusSeconds(1);

		NetworkJob queued = networks.useExtract("andorra.osm.pbf", andorra());
		// the answer is the job as it is when read back: on a fast machine its worker has already picked it up
		if (queued.state().equals("QUEUED")) {
			assertThat(queued.stage()).isEqualTo("RECEIVED");
		}
		else {
			assertThat(queued.state()).isEqualTo("RUNNING");
		}
		assertThat(queued.statusUrl()).isEqualTo("/api/v1/circle/network/jobs/" + queued.id());

		// Built and checked, about to switch: everything still answers from the grid.
		assertThat(atSwitch.await(3, TimeUnit.MINUTES)).isTrue();
		NetworkJob building = networks.job(queued.id());
		assertThat(building.state()).isEqualTo("RUNNING");
		assertThat(building.stage()).isEqualTo("ACTIVATING");
		assertThat(building.percent()).isEqualTo(85);
		assertThat(networks.status().id()).isEqualTo(before.id());
		assertThat(holder.serving().id()).isEqualTo(before.id());
		Isochrone during = networks.isochrone(junmen.latitude(), junmen.longitude());
		assertThat(during.bands()).isNotEmpty();
		release.countDown();

		NetworkJob done = finished(queued.id());
		assertThat(done.state()).isEqualTo("DONE");
		assertThat(done.outcome()).isEqualTo("ACTIVATED");
		assertThat(done.percent()).isEqualTo(100);
		assertThat(done.stage()).isEqualTo("COVERAGE_QUEUED");
		assertThat(done.message()).isEqualTo(problems.message("circle.network.job.activated"));
		assertThat(stages).containsExactly("READING", "BUILDING", "CHECKING", "ACTIVATING", "SWITCHING");
		NetworkStatus osm = networks.status();
		assertThat(osm.id()).isEqualTo(done.networkId());
		assertThat(osm.generated()).isFalse();
		assertThat(osm.name()).isEqualTo("andorra.osm.pbf");
		assertThat(osm.sha256()).hasSize(64);
		assertThat(osm.nodes()).isGreaterThan(2_000);
		assertThat(holder.serving().id()).isEqualTo(done.networkId());
		// the coverage is stale: a run on the new network is queued (or one already queued, which it joins) or started
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_run WHERE status = 'QUEUED' OR started_at >= ?")
			.param(changed).query(Long.class).single()).isPositive();
		// no temporary build folder or file is left, and the extract is no longer held by the job
		assertThat(leftovers()).isEqualTo(tempBefore).noneMatch(n -> n.startsWith(NetworkJobs.BUILD_PREFIX));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_network_job WHERE extract IS NOT NULL").query(Long.class).single())
			.isZero();

		// The other instance keeps its grid until its periodic check, then switches to the new network.
		assertThat(other.serving().id()).isEqualTo(before.id());
		other.followActive();
		assertThat(other.serving().id()).isEqualTo(done.networkId());
		assertThat(other.serving().walk().nodeCount()).isEqualTo(osm.nodes());

		NetworkStatus back = networks.useGenerated();
		assertThat(back.generated()).isTrue();
		assertThat(back.nodes()).isGreaterThan(10_000);
	}

	@Test
	void anExtractWithoutStreetsOrAnUnreadableOneLeavesTheOldNetworkActive() throws Exception {
		as("admin", Role.ADMINISTRATOR, "350100");
		long active = networks.status().id();
		List<String> tempBefore = leftovers();

		NetworkJob noStreets = finished(networks.useExtract("shops.osm.pbf", noStreets()).id());
		assertThat(noStreets.state()).isEqualTo("FAILED");
		assertThat(noStreets.outcome()).isEqualTo("NO_STREETS");
		assertThat(noStreets.percent()).isEqualTo(100);
		assertThat(noStreets.message()).isEqualTo(problems.message("circle.network.extract.noStreets"));
		assertThat(networks.status().id()).isEqualTo(active);

		NetworkJob unreadable = finished(networks.useExtract("streets.osm.pbf", "not protobuf at all".getBytes()).id());
		assertThat(unreadable.state()).isEqualTo("FAILED");
		assertThat(unreadable.outcome()).isEqualTo("UNREADABLE");
		assertThat(unreadable.message()).isEqualTo(problems.message("circle.network.extract.unreadable"));
		assertThat(networks.status().id()).isEqualTo(active);
		assertThat(holder.serving().id()).isEqualTo(active);
		assertThat(networks.latestJob()).get().extracting(NetworkJob::id).isEqualTo(unreadable.id());
		assertThat(leftovers()).isEqualTo(tempBefore);
	}

	@Test
	void aFileThatIsNotAnExtractIsRefusedAtOnce() {
		as("admin", Role.ADMINISTRATOR, "350100");
		long active = networks.status().id();
		assertThatThrownBy(() -> networks.useExtract("streets.csv", "a,b".getBytes()))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> networks.useExtract("streets.osm.pbf", new byte[0]))
			.isInstanceOf(ValidationFailedException.class);
		assertThat(networks.status().id()).isEqualTo(active);
	}

	@Test
	void onlyAdministratorsAndCityOfficialsReplaceTheNetwork() {
		as("gulou", Role.DISTRICT_OFFICIAL, "350102");
		assertThatThrownBy(() -> networks.useGenerated()).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> networks.useExtract("andorra.osm.pbf", andorra())).isInstanceOf(ForbiddenException.class);
		assertThat(networks.status()).isNotNull();
	}
}

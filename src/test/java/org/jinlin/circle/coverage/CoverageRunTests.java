package org.jinlin.circle.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jinlin.circle.network.Isochrone;
import org.jinlin.circle.network.WalkingNetworks;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's coverage run end to end: queued on the first start, computed in the background over the
 * generated street grid, every building and community written with the run, suggestions and walking areas
 * from the stored results.
 */
@SpringBootTest
class CoverageRunTests {

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	@Autowired
	CoverageRuns runs;

	@Autowired
	Suggestions suggestions;

	@Autowired
	WalkingNetworks networks;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	TerritoryNode city;

	@BeforeEach
	void signIn() {
		city = territories.lookupByCode("350100").orElseThrow();
		as(new Actor(1L, "city", Set.of(Role.CITY_OFFICIAL), city.id(), city.path(), null, null));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void as(Actor actor) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null,
				actor.roles().stream().map(r -> "ROLE_" + r.name()).toArray(String[]::new)));
	}

	RunView finishedRun() {
		await().pollInSameThread().atMost(Duration.ofSeconds(120)).until(() -> runs.latest().isPresent() && runs.current().isEmpty());
		return runs.latest().orElseThrow();
	}

	@Test
	void theFirstStartComputesEveryBuildingAndCommunityOfTheCity() {
		RunView run = finishedRun();
		long buildings = jdbc.sql("SELECT COUNT(*) FROM territory_node WHERE level = 'BUILDING'").query(Long.class).single();
		long communities = jdbc.sql("SELECT COUNT(*) FROM territory_node WHERE level = 'COMMUNITY'").query(Long.class).single();
		assertThat(run.status()).isEqualTo("DONE");
		assertThat(run.progress()).isEqualTo(100);
		assertThat(run.buildings()).isEqualTo((int) buildings);
		assertThat(run.communities()).isEqualTo((int) communities);
		assertThat(run.networkNodes()).isGreaterThan(10_000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_building_result WHERE run_id = ?").param(run.id())
			.query(Long.class).single()).isEqualTo(buildings);
		// Every building stands within reach of the generated streets.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_building_result WHERE run_id = ? AND (access_metres IS NULL OR off_network)")
			.param(run.id()).query(Long.class).single()).isZero();
		// A community's missing list names exactly the required categories over the threshold.
		List<String> missing = jdbc.sql("SELECT missing FROM circle_community_result WHERE run_id = ? AND NOT covered")
			.param(run.id()).query(String.class).list();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_community_result WHERE run_id = ? AND covered AND missing <> ''")
			.param(run.id()).query(Long.class).single()).isZero();
		assertThat(missing).allSatisfy(m -> assertThat(m).isNotBlank());
	}

	@Test
	void aRequestedRunIsQueuedOnceAndComputedInTheBackground() {
		finishedRun();
		// Two requests in one transaction: the scheduler cannot take the first before the second arrives, so
		// the second must join the queued run rather than queue another.
		RunView[] both = tx.execute(s -> new RunView[] { runs.request("test"), runs.request("test again") });
		RunView first = both[0];
		RunView second = both[1];
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.status()).isEqualTo("QUEUED");
		await().pollInSameThread().atMost(Duration.ofSeconds(120)).until(() -> runs.find(first.id()).orElseThrow().finished());
		assertThat(runs.find(first.id()).orElseThrow().status()).isEqualTo("DONE");
		assertThat(runs.latest().orElseThrow().id()).isGreaterThanOrEqualTo(first.id());
	}

	@Test
	void residentsCannotSeeOrStartRuns() {
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		as(new Actor(9L, "resident1", Set.of(Role.RESIDENT), junmen.id(), junmen.path(), 1L, null));
		assertThatThrownBy(() -> runs.request("x")).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> runs.latest()).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> networks.isochrone(26.08, 119.3)).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aBuildingsWalkingAreaGrowsWithTheMinutes() {
		finishedRun();
		TerritoryNode building = jdbc.sql("""
				SELECT id FROM territory_node WHERE level = 'BUILDING' AND code LIKE '350102004001%' ORDER BY id
				FETCH FIRST 1 ROWS ONLY""").query(Long.class).optional()
			.flatMap(territories::lookup).orElseThrow();
		Isochrone area = networks.isochrone(building.latitude(), building.longitude());
		assertThat(area.bands()).extracting(Isochrone.Band::minutes).containsExactly(5, 10, 15);
		assertThat(area.bands().get(0).junctions()).isPositive();
		assertThat(area.bands().get(0).junctions()).isLessThan(area.bands().get(1).junctions());
		assertThat(area.bands().get(1).junctions()).isLessThan(area.bands().get(2).junctions());
		assertThat(area.bands().get(2).geometry()).startsWith("{\"type\":\"");
		assertThatThrownBy(() -> networks.isochrone(91, 0)).isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void suggestionsReachResidentsWithoutTheCategoryInGreedyOrder() {
		RunView run = finishedRun();
		String category = jdbc.sql("""
				SELECT category FROM circle_community_time WHERE run_id = ? AND (seconds IS NULL OR seconds > ?)
				GROUP BY category ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY""")
			.param(run.id()).param(run.thresholdSeconds()).query(String.class).single();
		List<Suggestion> list = suggestions.suggest(category, city.path(), 3);
		assertThat(list).isNotEmpty();
		assertThat(list.get(0).rank()).isEqualTo(1);
		assertThat(list.get(0).residentsReached()).isPositive();
		for (int i = 1; i < list.size(); i++) {
			assertThat(list.get(i).residentsReached()).isLessThanOrEqualTo(list.get(i - 1).residentsReached());
		}
		assertThatThrownBy(() -> suggestions.suggest("NO_SUCH", city.path(), 3)).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> suggestions.suggest(category, city.path(), 0)).isInstanceOf(ValidationFailedException.class);
	}
}

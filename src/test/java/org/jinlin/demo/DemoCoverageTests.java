package org.jinlin.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jinlin.circle.coverage.CoverageRuns;
import org.jinlin.circle.coverage.RunView;
import org.jinlin.circle.facilities.FacilityLocations;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo registry tells the intended story when the coverage engine walks the generated streets: a little under
 * the 80 % target of the urban communities covered, 鼓楼区 nearly all, 晋安区 clearly weaker, and gaps to show.
 */
@SpringBootTest
class DemoCoverageTests {

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	@Autowired
	CoverageRuns runs;

	@Autowired
	FacilityLocations locations;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void urbanCoverageIsALittleUnderTheTarget() {
		TerritoryNode city = territories.lookupByCode("350100").orElseThrow();
		Actor actor = new Actor(1L, "city", Set.of(Role.CITY_OFFICIAL), city.id(), city.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(
				new TestingAuthenticationToken(new TestPrincipal(actor), null, "ROLE_CITY_OFFICIAL"));
		int facilities = locations.operating().size();
		await().pollInSameThread().atMost(Duration.ofSeconds(180)).until(() -> runs.current().isEmpty()
				&& runs.latest().map(r -> r.facilities() != null && r.facilities() == facilities).orElse(false));
		RunView run = runs.latest().orElseThrow();
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT SUBSTRING(code, 1, 6) AS district, COUNT(*) AS communities,
				  SUM(CASE WHEN covered THEN 1 ELSE 0 END) AS covered
				FROM circle_community_result WHERE run_id = ? AND NOT rural GROUP BY SUBSTRING(code, 1, 6) ORDER BY 1""")
			.param(run.id()).query().listOfRows();
		long urban = rows.stream().mapToLong(r -> ((Number) r.get("communities")).longValue()).sum();
		long covered = rows.stream().mapToLong(r -> ((Number) r.get("covered")).longValue()).sum();
		System.out.printf("Demo coverage run %d: %d facilities, urban communities covered %d of %d (%.1f%%); by district %s%n",
				run.id(), facilities, covered, urban, covered * 100.0 / urban, rows);
		double rate = (double) covered / urban;
		assertThat(rate).isBetween(0.60, 0.80);
		assertThat(rate).isLessThan(0.80);
		double gulou = share(rows, "350102");
		double jinan = share(rows, "350111");
		assertThat(gulou).isGreaterThanOrEqualTo(0.85);
		assertThat(jinan).isLessThan(gulou - 0.2);
		List<String> missing = jdbc.sql("SELECT missing FROM circle_community_result WHERE run_id = ? AND NOT covered AND NOT rural")
			.param(run.id()).query(String.class).list();
		assertThat(missing).isNotEmpty();
		assertThat(String.join(",", missing)).contains("VEGETABLE_MARKET").contains("REPAIR");
	}

	static double share(List<Map<String, Object>> rows, String district) {
		return rows.stream().filter(r -> district.equals(r.get("district"))).findFirst()
			.map(r -> ((Number) r.get("covered")).doubleValue() / ((Number) r.get("communities")).doubleValue())
			.orElseThrow();
	}
}

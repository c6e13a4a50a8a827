package org.jinlin.circle.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;

import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Replacing the walking network with a real OpenStreetMap extract and going back to the generated grid. Its own
 * Spring context (a separate graph cache), so the other tests keep the demo city's network.
 */
@SpringBootTest(properties = "jinlin.circle.network.cache-dir=target/graph-cache-replacement-test")
class NetworkReplacementTests {

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	@Autowired
	WalkingNetworks networks;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
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

	@Test
	void aCityOfficialReplacesTheGridWithARealExtractAndGoesBack() throws IOException {
		as("city", Role.CITY_OFFICIAL, "350100");
		NetworkStatus before = networks.status();
		assertThat(before.generated()).isTrue();
		java.time.OffsetDateTime changed = java.time.OffsetDateTime.now().minusSeconds(1);

		NetworkStatus osm = networks.useExtract("andorra.osm.pbf", andorra());
		assertThat(osm.generated()).isFalse();
		assertThat(osm.name()).isEqualTo("andorra.osm.pbf");
		assertThat(osm.sha256()).hasSize(64);
		assertThat(osm.nodes()).isGreaterThan(2_000);
		assertThat(networks.status().id()).isEqualTo(osm.id());
		// The coverage is stale: a run that will compute on the new network is queued (the change's own, or one
		// already queued, which it joins) or has started since.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM circle_run WHERE status = 'QUEUED' OR started_at >= ?")
			.param(changed).query(Long.class).single()).isPositive();

		NetworkStatus back = networks.useGenerated();
		assertThat(back.generated()).isTrue();
		assertThat(back.nodes()).isGreaterThan(10_000);
	}

	@Test
	void aFileThatIsNotAnExtractIsRefusedAndNothingChanges() {
		as("admin", Role.ADMINISTRATOR, "350100");
		long active = networks.status().id();
		assertThatThrownBy(() -> networks.useExtract("streets.csv", "a,b".getBytes()))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> networks.useExtract("streets.osm.pbf", new byte[0]))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> networks.useExtract("streets.osm.pbf", "not protobuf at all".getBytes()))
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

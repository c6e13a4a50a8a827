package org.jinlin.eldercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.jinlin.demo.DemoEldercare;
import org.jinlin.people.ResidentUpdated;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The eldercare module with its dependencies: it follows people's events and publishes audit events without personal data. */
// The demo data these scenarios use comes from the demo module; a module test bootstraps the modules named here
// besides its dependencies, not theirs: the demo module and whatever its runners need that is not in them already.
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "alarms")
class EldercareModuleTests {

	@Autowired
	ElderRegister register;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aResidentUpdateRefreshesTheCopiedName(Scenario scenario) {
		ElderLocation wang = register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow();
		jdbc.sql("UPDATE elder SET name = '旧名字' WHERE id = ?").param(wang.elderId()).update();
		scenario.publish(new ResidentUpdated(wang.residentId(), wang.communityId(), List.of("name"), "module-test"))
			.andWaitForStateChange(() -> register.locate(wang.elderId()).map(ElderLocation::name).orElse(""),
					name -> name.equals("王秀兰"))
			.andVerify(name -> assertThat(name).isEqualTo("王秀兰"));
	}

	@Test
	void theProtocolPublishesAViewEventWithoutPersonalData(Scenario scenario) {
		ElderLocation wang = register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow();
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		Actor actor = new Actor(1L, "module-desk", Set.of(Role.COMMUNITY_WORKER), junmen.id(), junmen.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(
				new TestingAuthenticationToken(new TestPrincipal(actor), null, Role.COMMUNITY_WORKER.authority()));
		scenario.stimulate(() -> register.protocol(wang.elderId(), "alarm test"))
			.andWaitForEventOfType(ElderCareDataViewed.class)
			.toArriveAndVerify(e -> {
				assertThat(e.elderId()).isEqualTo(wang.elderId());
				assertThat(e.what()).isEqualTo("PROTOCOL");
				assertThat(e.territoryPath()).isEqualTo(wang.territoryPath());
				assertThat(e.toString()).doesNotContain("高血压").doesNotContain("王秀兰");
			});
	}
}

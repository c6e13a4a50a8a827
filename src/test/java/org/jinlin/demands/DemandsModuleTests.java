package org.jinlin.demands;

import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.RaiseDemand;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The demands module with its dependencies: raising publishes the module's events, without personal data. */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class DemandsModuleTests {

	@Autowired
	DemandRaising raising;

	@Autowired
	DemandQueries queries;

	@Autowired
	Territories territories;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	void actAs(String name, Role role, String territoryCode) {
		TerritoryNode node = territories.lookupByCode(territoryCode).orElseThrow();
		Actor actor = new Actor(1L, name, Set.of(role), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext().setAuthentication(
				new TestingAuthenticationToken(new TestPrincipal(actor), null, role.authority()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void raisingOnBehalfPublishesRaisedAndDispatchedToTheGrid(Scenario scenario) {
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		long grid = territories.lookupByCode("350102004001G01").orElseThrow().id();
		scenario.stimulate(() -> raising.raise(new RaiseDemand("sanitation", "垃圾没人收", building, null, null, null,
				RaiseChannel.PHONE_CALL, null, "李大爷", "13900001111", false, Map.of())))
			.andWaitForEventOfType(DemandDispatched.class)
			.toArriveAndVerify(e -> {
				assertThat(e.level()).isEqualTo(HandlingLevel.GRID);
				assertThat(e.handlerNodeId()).isEqualTo(grid);
				assertThat(e.toString()).doesNotContain("13900001111").doesNotContain("李大爷");
			});
	}

	@Test
	void theContactPhoneIsStoredEncryptedAndMasked(Scenario scenario) {
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		DemandView view = raising.raise(new RaiseDemand("sanitation", "楼下垃圾", building, null, null, null,
				RaiseChannel.PHONE_CALL, null, "李大爷", "13900002222", false, Map.of()));
		assertThat(view.contactPhoneMasked()).isEqualTo("139****2222");
		assertThat(view.raiserDisplay()).isEqualTo("李**");
		scenario.stimulate(() -> queries.revealContactPhone(view.id()))
			.andWaitForEventOfType(DemandContactViewed.class)
			.toArriveAndVerify(e -> assertThat(e.viewer()).isEqualTo("module-junmen"));
		assertThat(List.of(view.toString())).noneMatch(s -> s.contains("13900002222"));
	}

	@Test
	void someoneTrappedPublishesUrgentDemandRaised(Scenario scenario) {
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		long building = territories.lookupByCode("350102004001G01C01B01").orElseThrow().id();
		long community = territories.lookupByCode("350102004001").orElseThrow().id();
		scenario.stimulate(() -> raising.raise(new RaiseDemand("elevator", "电梯困人", building, null, null, null,
				RaiseChannel.PHONE_CALL, null, "李大爷", "13900004444", false, Map.of("trapped", List.of("yes")))))
			.andWaitForEventOfType(UrgentDemandRaised.class)
			.toArriveAndVerify(e -> {
				assertThat(e.categoryCode()).isEqualTo("elevator");
				assertThat(e.communityId()).isEqualTo(community);
				assertThat(e.residentId()).isNull();
				assertThat(e.toString()).doesNotContain("13900004444").doesNotContain("李大爷");
			});
	}
}

package org.jinlin.party;

import java.math.BigDecimal;
import java.util.Set;

import org.jinlin.party.internal.PartyAlliances;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party module with its dependencies: a delivery with hours is reported to service hours as one
 * {@link ServiceDelivered} for the unit; a delivery without hours is not; the public query service answers.
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class PartyModuleTests {

	@Autowired
	PartyAlliances alliances;

	@Autowired
	PartyOrganisations organisations;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;


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

	record Unit(long id, String name, long territoryId, String territoryPath) {
	}

	Unit junmenUnit() {
		return jdbc.sql("""
				SELECT id, name, territory_id, territory_path FROM party_unit
				WHERE territory_path = (SELECT path FROM territory_node WHERE code = '350102004001') ORDER BY id LIMIT 1""")
			.query(Unit.class).single();
	}

	long commitmentOf(long unit, String category) {
		return jdbc.sql("INSERT INTO party_commitment (unit_id, title, category, target_count, created_at) VALUES (?, ?, ?, 10, CURRENT_TIMESTAMP)")
			.params(unit, "探访独居老人", category).update() == 1
				? jdbc.sql("SELECT MAX(id) FROM party_commitment WHERE unit_id = ?").param(unit).query(Long.class).single()
				: -1;
	}

	@Test
	void aDeliveryWithHoursIsReportedAsServiceOfTheUnit(Scenario scenario) {
		actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		Unit unit = junmenUnit();
		long commitment = commitmentOf(unit.id(), "ELDERLY");
		scenario.stimulate(() -> alliances.recordDelivery(commitment,
				new PartyAlliances.DeliveryDraft("上门探访三位独居老人", "2026-05-02", 3, new BigDecimal("2.5"), "王师傅")))
			.andWaitForEventOfType(ServiceDelivered.class)
			.matching(e -> e.personKey().equals("unit:" + unit.id()))
			.toArriveAndVerify((event, delivery) -> {
				assertThat(event.source()).isEqualTo(ServiceSource.ALLIANCE_COMMITMENT);
				assertThat(event.sourceRef()).isEqualTo("delivery:" + delivery.id());
				assertThat(event.hours()).isEqualByComparingTo("2.50");
				assertThat(event.hours().scale()).isEqualTo(2);
				assertThat(event.personName()).isEqualTo(unit.name());
				assertThat(event.communityId()).isEqualTo(unit.territoryId());
				assertThat(event.territoryPath()).isEqualTo(unit.territoryPath());
				assertThat(event.elderlyCare()).isTrue();
				assertThat(event.problemSolved()).isFalse();
				assertThat(event.confirmedBy()).isEqualTo("junmen");
			});
	}

	@Test
	void aDeliveryWithoutHoursIsNotReported(org.springframework.modulith.test.PublishedEvents events) {
		actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		Unit unit = junmenUnit();
		long commitment = commitmentOf(unit.id(), "ENVIRONMENT");
		PartyAlliances.DeliveryView delivery = alliances.recordDelivery(commitment,
				new PartyAlliances.DeliveryDraft("捐赠垃圾分类桶", "2026-05-02", 20, null, null));
		assertThat(delivery.id()).isPositive();
		assertThat(events.ofType(ServiceDelivered.class)).isEmpty();
		// and one with hours is, exactly once
		alliances.recordDelivery(commitment, new PartyAlliances.DeliveryDraft("清理楼道", "2026-05-03", 1,
				new BigDecimal("1.25"), null));
		assertThat(events.ofType(ServiceDelivered.class)).hasSize(1);
	}

	@Test
	void thePublicQueryServiceAnswersOtherModules() {
		Unit unit = junmenUnit();
		assertThat(organisations.unit(unit.id())).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo(unit.name()));
		assertThat(organisations.unitsOf(unit.territoryPath())).hasSize(5);
		TerritoryNode gulou = territories.lookupByCode("350102").orElseThrow();
		PartyOrganisations.CoverageRef coverage = organisations.coverage(gulou.id());
		assertThat(coverage.compounds()).isPositive().isEqualTo(coverage.covered());
		assertThat(organisations.organisationsUnder(unit.territoryPath()))
			.anySatisfy(o -> assertThat(o.kind()).isEqualTo(OrgKind.COMMUNITY_COMMITTEE));
	}
}

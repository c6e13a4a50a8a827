package org.jinlin.eldercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jinlin.demo.DemoEldercare;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
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

/** The public API the alarm desk calls, against the demo city's elders. */
@SpringBootTest
class ElderRegisterTests {

	@Autowired
	ElderRegister register;

	@Autowired
	Territories territories;

	@Autowired
	JdbcClient jdbc;

	record TestPrincipal(Actor actor) implements ActorPrincipal {
	}

	void actAs(String name, Role role, String territoryCode) {
		actAs(-1L, name, role, territoryCode);
	}

	void actAs(long accountId, String name, Role role, String territoryCode) {
		TerritoryNode node = territories.lookupByCode(territoryCode).orElseThrow();
		Actor actor = new Actor(accountId, name, Set.of(role), node.id(), node.path(), null, null);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(new TestPrincipal(actor), null, role.authority()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void wangAyisPendantLocatesHerInJunmenGrid1WithContactsAndCircle() {
		ElderLocation wang = register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow();
		assertThat(wang.name()).isEqualTo("王秀兰");
		TerritoryNode grid1 = territories.lookupByCode("350102004001G01").orElseThrow();
		assertThat(wang.territoryPath()).startsWith(grid1.path());
		assertThat(wang.latitude()).isBetween(25.0, 27.0);
		assertThat(wang.longitude()).isBetween(118.0, 120.5);
		assertThat(register.locate(wang.elderId())).contains(wang);
		assertThat(register.locateByResident(wang.residentId())).contains(wang);
		assertThat(register.locateByDevice("NO-SUCH-DEVICE")).isEmpty();

		List<EmergencyContact> contacts = register.emergencyContacts(wang.elderId());
		assertThat(contacts).extracting(EmergencyContact::priority).containsExactly(1, 2);
		assertThat(contacts.get(0).phone()).matches("1\\d{10}");

		List<CareCircleMember> circle = register.careCircle(wang.elderId());
		assertThat(circle).extracting(CareCircleMember::role).contains("COMMUNITY_WORKER", "GRID_WORKER", "BUDDY", "FAMILY");
		assertThat(circle).filteredOn(m -> !m.role().equals("FAMILY")).allSatisfy(m -> assertThat(m.accountId()).isNotNull());
	}

	@Test
	void protocolIsForStaffInJurisdictionAndTheCareCircleAndAudited() {
		ElderLocation wang = register.locateByDevice(DemoEldercare.WANG_PENDANT).orElseThrow();
		actAs("volunteer-x", Role.VOLUNTEER, "350102004001");
		assertThatThrownBy(() -> register.protocol(wang.elderId(), "alarm")).isInstanceOf(ForbiddenException.class);
		// Her buddy, a volunteer in her care circle, answers her alarm with the protocol.
		long buddy = jdbc.sql("SELECT id FROM account WHERE username = 'volunteer1'").query(Long.class).single();
		actAs(buddy, "volunteer1", Role.VOLUNTEER, "350102004001");
		assertThat(register.protocol(wang.elderId(), "alarm 1").allergies()).contains("青霉素");
		actAs("jinan-x", Role.DISTRICT_OFFICIAL, "350111");
		assertThatThrownBy(() -> register.protocol(wang.elderId(), "alarm")).isInstanceOf(NotFoundException.class);
		actAs("protocol-tester", Role.COMMUNITY_WORKER, "350102004001");
		ElderProtocol p = register.protocol(wang.elderId(), "alarm 1");
		assertThat(p.conditions()).contains("高血压");
		assertThat(p.allergies()).contains("青霉素");
		assertThat(p.doorAccessNotes()).isNotBlank();
		assertThat(p.contacts()).hasSize(2);
		assertThat(p.latitude()).isEqualTo(wang.latitude());
		assertThat(p.toString()).doesNotContain("高血压");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor = 'protocol-tester' AND subject_type = 'ELDER' AND subject_id = ?")
			.param(Long.toString(wang.elderId())).query(Long.class).single() == 1);
	}
}

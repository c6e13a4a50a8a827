package org.jinlin.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.jinlin.alarms.internal.AlarmRaising;
import org.jinlin.alarms.internal.AlarmResponse;
import org.jinlin.alarms.internal.RaiseAlarm;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The alarms module with its dependencies: raising and acknowledging publish the module's events, which carry
 * ids, paths and user names but no health data or phones.
 */
// The demo data these scenarios use comes from the demo module; a module test bootstraps the modules named here
// besides its dependencies, not theirs: the demo module and whatever its runners need that is not in them already.
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class AlarmsModuleTests {

	@Autowired
	AlarmRaising raising;

	@Autowired
	AlarmResponse response;

	@Autowired
	ElderRegister elders;

	@Autowired
	Territories territories;

	@Autowired
	org.jinlin.people.ResidentRegister residents;

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

	ElderLocation anElderOfJunmen() {
		String junmen = territories.lookupByCode("350102004001").orElseThrow().path();
		return residents.lookupActiveBornOnOrBefore(java.time.LocalDate.now().minusYears(60)).stream()
			.map(elders::locateByResident).flatMap(java.util.Optional::stream)
			.filter(e -> e.territoryPath().startsWith(junmen)).findFirst().orElseThrow();
	}

	@Test
	void aPhoneCallRaisesAnAlarmAndPublishesAlarmRaised(Scenario scenario) {
		actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		ElderLocation elder = anElderOfJunmen();
		scenario.stimulate(() -> raising.raise(new RaiseAlarm(elder.elderId(), null, "FALL", null, null, "她说摔倒了，起不来")))
			.andWaitForEventOfType(AlarmRaised.class)
			.toArriveAndVerify(e -> {
				assertThat(e.elderId()).isEqualTo(elder.elderId());
				assertThat(e.channel()).isEqualTo(AlarmChannel.PHONE_CALL);
				assertThat(e.kind()).isEqualTo(AlarmKind.FALL);
				assertThat(e.toString()).doesNotContain("摔倒").doesNotContain(elder.name());
			});
	}

	@Test
	void acknowledgingPublishesWhoAndHowLongItTook(Scenario scenario) {
		actAs("junmen", Role.COMMUNITY_WORKER, "350102004001");
		ElderLocation elder = anElderOfJunmen();
		long id = raising.raise(new RaiseAlarm(elder.elderId(), null, "SOS", null, "module-ack", null)).alarm().id();
		scenario.stimulate(() -> response.acknowledge(id))
			.andWaitForEventOfType(AlarmAcknowledged.class)
			.toArriveAndVerify(e -> {
				assertThat(e.alarmId()).isEqualTo(id);
				assertThat(e.responder()).isEqualTo("junmen");
				assertThat(e.afterRaised().isNegative()).isFalse();
			});
	}

	@Test
	void anUrgentDemandOfARegisteredElderRaisesAnAlarm(Scenario scenario) {
		String junmen = territories.lookupByCode("350102004001").orElseThrow().path();
		ElderLocation elder = residents.lookupActiveBornOnOrBefore(java.time.LocalDate.now().minusYears(60)).stream()
			.map(elders::locateByResident).flatMap(java.util.Optional::stream)
			.filter(e -> !e.territoryPath().startsWith(junmen)).findFirst().orElseThrow();
		scenario.publish(new org.jinlin.demands.UrgentDemandRaised(900001, "elevator", elder.territoryPath(),
				elder.communityId(), elder.residentId(), java.time.Instant.now()))
			.andWaitForEventOfType(AlarmRaised.class)
			.matching(e -> e.elderId() == elder.elderId())
			.toArriveAndVerify(e -> {
				assertThat(e.channel()).isEqualTo(AlarmChannel.DEMAND);
				assertThat(e.territoryPath()).isEqualTo(elder.territoryPath());
			});
	}

	@Test
	void nobodyHomeWhenAMealCameToAnElderLivingAloneRaisesAWelfareCheckAlarm(Scenario scenario) {
		// another elder than the other scenarios' (an open alarm of hers would be joined, not raised again)
		String junmen = territories.lookupByCode("350102004001").orElseThrow().path();
		ElderLocation elder = residents.lookupActiveBornOnOrBefore(java.time.LocalDate.now().minusYears(60)).stream()
			.map(elders::locateByResident).flatMap(java.util.Optional::stream)
			.filter(e -> e.territoryPath().startsWith(junmen)).skip(5).findFirst().orElseThrow();
		scenario.publish(new org.jinlin.meals.WelfareCheckNeeded(elder.residentId(), 1L, 1L, java.time.LocalDate.now(), 900004L, 3))
			.andWaitForEventOfType(AlarmRaised.class)
			.matching(e -> e.elderId() == elder.elderId())
			.toArriveAndVerify(e -> assertThat(e.channel()).isEqualTo(AlarmChannel.MEAL_DELIVERY));
		assertThat(raising.raiseForWelfareCheck(new org.jinlin.meals.WelfareCheckNeeded(Long.MAX_VALUE, 1L, 1L,
				java.time.LocalDate.now(), 900005L, 1))).isEmpty();
	}

	@Test
	void anUrgentDemandOfAnyoneElseRaisesNone() {
		String path = territories.lookupByCode("350102004001").orElseThrow().path();
		assertThat(raising.raiseForUrgentDemand(new org.jinlin.demands.UrgentDemandRaised(900002, "elevator", path, 1L,
				null, java.time.Instant.now()))).isEmpty();
		assertThat(raising.raiseForUrgentDemand(new org.jinlin.demands.UrgentDemandRaised(900003, "elevator", path, 1L,
				Long.MAX_VALUE, java.time.Instant.now()))).isEmpty();
	}
}

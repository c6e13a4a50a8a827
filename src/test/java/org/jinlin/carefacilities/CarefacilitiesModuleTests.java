package org.jinlin.carefacilities;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jinlin.carefacilities.internal.CareFacilityDraft;
import org.jinlin.carefacilities.internal.CareFacilityRegistry;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The care-facilities module with its dependencies: writes publish past-tense events; the public queries answer. */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CarefacilitiesModuleTests {

	@Autowired
	CareFacilityRegistry registry;

	@Autowired
	CareFacilities facilities;

	@Autowired
	Territories territories;

	void actAs(String name, Role role, String code) {
		TerritoryNode node = territories.lookupByCode(code).orElseThrow();
		SecurityContextHolder.getContext().setAuthentication(FacilityTestSupport.token(name, role, node));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	CareFacilityDraft draft(int occupied, Integer version) {
		return new CareFacilityDraft("军门社区日间照料中心（新）", "DAY_CARE_CENTRE", "350102004001", "杨桥东路1号", 26.085, 119.30,
				"军门社区居民委员会", Set.of("DAY_CARE", "MEALS"), 20, occupied, 0, 0, null, List.of("350102004001"), version);
	}

	@Test
	void registeringPublishesFacilityRegisteredWithItsPlace(Scenario scenario) {
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		scenario.stimulate(() -> registry.register(draft(12, null)))
			.andWaitForEventOfType(FacilityRegistered.class)
			.toArriveAndVerify(e -> {
				assertThat(e.kind()).isEqualTo(FacilityKind.DAY_CARE_CENTRE);
				assertThat(e.territoryId()).isEqualTo(junmen.id());
				assertThat(e.territoryPath()).isEqualTo(junmen.path());
				assertThat(e.latitude()).isEqualTo(26.085);
				assertThat(facilities.find(e.facilityId())).get().extracting(CareFacility::bedsOccupied).isEqualTo(12);
			});
	}

	@Test
	void changingBedsPublishesUpdatedAndBedsChanged(Scenario scenario) {
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		CareFacility created = registry.register(draft(12, null));
		scenario.stimulate(() -> registry.update(created.id(), draft(15, created.version())))
			.andWaitForEventOfType(FacilityBedsChanged.class)
			.matching(e -> e.bedsOccupied() == 15)
			.toArriveAndVerify(e -> {
				assertThat(e.facilityId()).isEqualTo(created.id());
				assertThat(e.bedsTotal()).isEqualTo(20);
				assertThat(e.bedsOccupied()).isEqualTo(15);
			});
	}

	@Test
	void otherModulesFindFacilitiesOfAKindWithLocations() {
		// the demo city is another module: register the station this test reads
		actAs("module-junmen", Role.COMMUNITY_WORKER, "350102004001");
		registry.register(new CareFacilityDraft("军门社区居家养老服务站（模块测试）", "SERVICE_STATION", "350102004001",
				"杨桥东路2号", 26.086, 119.301, "军门社区居民委员会", Set.of("HOME_CARE", "MEALS"), 0, 0, 4, 0, null,
				List.of("350102004001"), null));
		signOut();
		TerritoryNode gulou = territories.lookupByCode("350102").orElseThrow();
		List<CareFacility> stations = facilities.facilitiesOfKind(FacilityKind.SERVICE_STATION, gulou.path());
		assertThat(stations).isNotEmpty().allSatisfy(f -> {
			assertThat(f.status()).isEqualTo(FacilityStatus.OPERATING);
			assertThat(f.territoryPath()).startsWith(gulou.path());
			assertThat(f.hasLocation()).isTrue();
		});
		TerritoryNode junmen = territories.lookupByCode("350102004001").orElseThrow();
		assertThat(facilities.serving(junmen.id())).extracting(CareFacility::kind).contains(FacilityKind.SERVICE_STATION);
	}
}

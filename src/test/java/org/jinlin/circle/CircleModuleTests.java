package org.jinlin.circle;

import java.time.Duration;

import org.jinlin.carefacilities.FacilityKind;
import org.jinlin.carefacilities.FacilityRegistered;
import org.jinlin.carefacilities.FacilityRemoved;
import org.jinlin.carefacilities.FacilityStatus;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jinlin.demo.DemoCityForModuleTests;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 15-minute circle with its direct dependencies: the care-facility network's events make the coverage stale, so
 * the circle's listener queues a coverage run. Runs are queued but never computed here (the timers poll once an
 * hour), so no street grid is built in this context.
 */
@Import(DemoCityForModuleTests.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "jinlin.circle.auto-runs=true", "jinlin.timers.polling-interval=PT1H" })
class CircleModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Territories territories;

	TerritoryNode junmen;

	/** Without a queued run (the first start queues one), so a change queues its own, with its reason. */
	@BeforeEach
	void noQueuedRun() {
		junmen = territories.lookupByCode("350102004001").orElseThrow();
		jdbc.sql("DELETE FROM circle_run WHERE status = 'QUEUED'").update();
	}

	long queued(String reason) {
		return jdbc.sql("SELECT COUNT(*) FROM circle_run WHERE status = 'QUEUED' AND reason = ?").param(reason)
			.query(Long.class).single();
	}

	@Test
	void aRegisteredCareFacilityQueuesACoverageRun(Scenario scenario) {
		assertThat(queued("care facility registered")).isZero();
		scenario.publish(new FacilityRegistered(9_001L, FacilityKind.ELDER_CANTEEN, junmen.id(), junmen.path(), 26.085,
				119.30, FacilityStatus.OPERATING))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> queued("care facility registered"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
	}

	@Test
	void aRemovedCareFacilityQueuesACoverageRun(Scenario scenario) {
		assertThat(queued("care facility removed")).isZero();
		scenario.publish(new FacilityRemoved(9_002L, FacilityKind.ELDER_CANTEEN, junmen.path()))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> queued("care facility removed"), n -> n > 0)
			.andVerify(n -> assertThat(n).isEqualTo(1));
	}
}

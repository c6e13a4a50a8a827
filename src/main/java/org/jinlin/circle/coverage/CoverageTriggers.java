package org.jinlin.circle.coverage;

import org.jinlin.carefacilities.FacilityRegistered;
import org.jinlin.carefacilities.FacilityRemoved;
import org.jinlin.carefacilities.FacilityUpdated;
import org.jinlin.circle.facilities.FacilitiesChanged;
import org.jinlin.circle.network.NetworkReplaced;
import org.jinlin.shared.DemoSeeds;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What makes the coverage stale: the registry's facilities, the care-facility network's facilities and
 * canteens, the walking network. Each queues a run (changes close together share one). On a first start,
 * with no run at all, one is queued too.
 */
@Component
@Order(DemoSeeds.PEOPLE + 50)
class CoverageTriggers implements ApplicationRunner {

	private final CoverageRunService runs;

	private final RunRows rows;

	CoverageTriggers(CoverageRunService runs, RunRows rows) {
		this.runs = runs;
		this.rows = rows;
	}

	/** In the registry's transaction: the change and the re-run commit together. */
	@EventListener
	void on(FacilitiesChanged event) {
		runs.requestBecause("facilities: " + event.reason());
	}

	@EventListener
	void on(NetworkReplaced event) {
		runs.requestBecause("network: " + event.name());
	}

	@ApplicationModuleListener
	void on(FacilityRegistered event) {
		runs.requestBecause("care facility registered");
	}

	@ApplicationModuleListener
	void on(FacilityUpdated event) {
		if (!java.util.Objects.equals(event.status(), event.previousStatus()) || event.latitude() != null) {
			runs.requestBecause("care facility updated");
		}
	}

	@ApplicationModuleListener
	void on(FacilityRemoved event) {
		runs.requestBecause("care facility removed");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!rows.any()) {
			runs.requestBecause("first start");
		}
	}
}

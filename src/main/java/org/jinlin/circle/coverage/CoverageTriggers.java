package org.jinlin.circle.coverage;

import org.jinlin.carefacilities.FacilityRegistered;
import org.jinlin.carefacilities.FacilityRemoved;
import org.jinlin.carefacilities.FacilityUpdated;
import org.jinlin.circle.facilities.FacilitiesChanged;
import org.jinlin.circle.network.NetworkReplaced;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What makes the coverage stale: the registry's facilities, the care-facility network's facilities and
 * canteens, the walking network. Each queues a run (changes close together share one). On a first start,
 * with no run at all, one is queued too: late among the start-up runners, so that whatever loads facilities at
 * start-up (a bulk load publishes {@code FacilitiesChanged}, which queues its own run) comes first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 50)
class CoverageTriggers implements ApplicationRunner {

	private final CoverageRunService runs;

	private final CoverageRunRepository rows;

	private final boolean auto;

	CoverageTriggers(CoverageRunService runs, CoverageRunRepository rows, org.jinlin.circle.CircleSettings settings) {
		this.runs = runs;
		this.rows = rows;
		this.auto = settings.autoRuns();
	}

	/** In the registry's transaction: the change and the re-run commit together. */
	@EventListener
	void on(FacilitiesChanged event) {
		request("facilities: " + event.reason());
	}

	@EventListener
	void on(NetworkReplaced event) {
		request("network: " + event.name());
	}

	@ApplicationModuleListener
	void on(FacilityRegistered event) {
		request("care facility registered");
	}

	@ApplicationModuleListener
	void on(FacilityUpdated event) {
		if (!java.util.Objects.equals(event.status(), event.previousStatus()) || event.latitude() != null) {
			request("care facility updated");
		}
	}

	@ApplicationModuleListener
	void on(FacilityRemoved event) {
		request("care facility removed");
	}

	private void request(String reason) {
		if (auto) {
			runs.requestBecause(reason);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (auto && !rows.any()) {
			request("first start");
		}
	}
}

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
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What makes the coverage stale: the registry's facilities, the care-facility network's facilities and
 * canteens, the walking network. A change of one facility (the registry's, after its commit, or a care facility's)
 * is brought into the stored coverage incrementally ({@link CoverageUpdates}, which falls back to a full run); any
 * other change queues a full run (changes close together share one). On a first start,
 * with no run at all, one is queued too: late among the start-up runners, so that whatever loads facilities at
 * start-up (a bulk load publishes {@code FacilitiesChanged}, which queues its own run) comes first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 50)
class CoverageTriggers implements ApplicationRunner {

	private final CoverageRunService runs;

	private final CoverageRunRepository rows;

	private final CoverageUpdates updates;

	private final boolean auto;

	CoverageTriggers(CoverageRunService runs, CoverageRunRepository rows, CoverageUpdates updates,
			org.jinlin.circle.CircleSettings settings) {
		this.runs = runs;
		this.rows = rows;
		this.updates = updates;
		this.auto = settings.autoRuns();
	}

	/** In the registry's transaction: the change and the re-run commit together (an import, a category). */
	@EventListener
	void on(FacilitiesChanged event) {
		if (!event.oneFacility()) {
			request("facilities: " + event.reason());
		}
	}

	/** One facility, once its change committed: the stored coverage updated incrementally (or a full run queued). */
	@TransactionalEventListener
	void onCommitted(FacilitiesChanged event) {
		if (event.oneFacility()) {
			updates.facilityChanged("facilities: " + event.reason(), event.facilityKey());
		}
	}

	@EventListener
	void on(NetworkReplaced event) {
		request("network: " + event.name());
	}

	@ApplicationModuleListener
	void on(FacilityRegistered event) {
		updates.facilityChanged("care facility registered", null);
	}

	@ApplicationModuleListener
	void on(FacilityUpdated event) {
		if (!java.util.Objects.equals(event.status(), event.previousStatus()) || event.latitude() != null) {
			updates.facilityChanged("care facility updated", null);
		}
	}

	@ApplicationModuleListener
	void on(FacilityRemoved event) {
		updates.facilityChanged("care facility removed", null);
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

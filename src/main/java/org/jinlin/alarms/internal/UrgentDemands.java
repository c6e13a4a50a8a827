package org.jinlin.alarms.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.UrgentDemandRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Urgent demands reach the alarm desk: after the demand's transaction committed, in a transaction of its own,
 * recorded in the event publication registry so a crash does not lose it.
 */
@Component
@RequiredArgsConstructor
class UrgentDemands {

	private final AlarmRaising raising;

	@ApplicationModuleListener
	void on(UrgentDemandRaised event) {
		raising.raiseForUrgentDemand(event);
	}
}

package org.jinlin.alarms.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.meals.WelfareCheckNeeded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A meal courier found nobody home at an elder living alone: the alarm desk gets a welfare-check alarm, after the
 * courier's mark committed, in a transaction of its own, recorded in the event publication registry.
 */
@Component
@RequiredArgsConstructor
class MissedMeals {

	private final AlarmRaising raising;

	@ApplicationModuleListener
	void on(WelfareCheckNeeded event) {
		raising.raiseForWelfareCheck(event);
	}
}

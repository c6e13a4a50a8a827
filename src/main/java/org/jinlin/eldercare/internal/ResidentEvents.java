package org.jinlin.eldercare.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentRegistered;
import org.jinlin.people.ResidentUpdated;
import org.jinlin.people.ResidentVoided;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the resident register: a resident registered or changed gets (or refreshes) a care profile once
 * old enough; a voided resident's profile becomes inactive. Bulk registrations (imports) are picked up by the
 * daily sweep of {@link EldercareTimers}. Each listener runs in its own transaction after the register's commit.
 */
@Component
@RequiredArgsConstructor
class ResidentEvents {

	static final String BY = "system:eldercare";

	private final ResidentRegister residents;

	private final ElderProfiles profiles;

	@ApplicationModuleListener
	void on(ResidentRegistered event) {
		residents.lookup(event.residentId()).ifPresent(r -> profiles.sync(r, BY));
	}

	@ApplicationModuleListener
	void on(ResidentUpdated event) {
		residents.lookup(event.residentId()).ifPresent(r -> profiles.sync(r, BY));
	}

	@ApplicationModuleListener
	void on(ResidentVoided event) {
		residents.lookup(event.residentId()).ifPresent(r -> profiles.sync(r, BY));
	}
}

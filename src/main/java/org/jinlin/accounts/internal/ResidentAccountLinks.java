package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentLinkedToAccount;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records on the account which resident record it belongs to, when the people module says so. */
@Component
@RequiredArgsConstructor
class ResidentAccountLinks {

	private final AccountRepository accounts;

	/** Links an account that has no resident yet; an account already linked keeps its link. */
	@ApplicationModuleListener
	void on(ResidentLinkedToAccount event) {
		accounts.linkResident(event.username(), event.residentId());
	}
}

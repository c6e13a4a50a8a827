package org.jinlin.accounts.internal;

import java.time.Instant;
import java.util.EnumSet;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountPermissionsChanged;
import org.jinlin.accounts.EnrolmentStep;
import org.jinlin.accounts.EnrolmentStepTaken;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creates a resident's account, the one way all enrolment paths do it: role RESIDENT, bound to the community of her
 * record, linked to the record (the same column the people module's {@code ResidentLinkedToAccount} fills), with a
 * generated sign-in name; publishes the audit events. Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor
class ResidentAccounts {

	private final AccountRepository accounts;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	/** A created account: its sign-in name and the community it is bound to. */
	record Created(long id, String username, TerritoryNode community) {
	}

	/**
	 * Creates the account. The resident must not have an account yet and the phone (if any) must belong to no other
	 * account: the caller checks both first; a race ends in 409 here.
	 */
	Created create(long residentId, long communityId, String displayName, String passwordHash, String phoneCipher,
			String phoneIndex, String createdBy) {
		if (accounts.findByResident(residentId).isPresent()) {
			throw new ConflictException("The resident already has an account");
		}
		TerritoryNode community = territories.lookup(communityId)
			.orElseThrow(() -> new IllegalStateException("No community " + communityId));
		String username = PhoneCodeRules.newUsername();
		while (accounts.exists(username)) {
			username = PhoneCodeRules.newUsername();
		}
		long id = accounts.insertResident(username, passwordHash, displayName, community.id(), community.path(), residentId,
				phoneCipher, phoneIndex);
		events.publishEvent(new AccountPermissionsChanged(username, AccountRepository.rolesText(EnumSet.of(Role.RESIDENT)),
				community.code(), community.path(), null, createdBy, Instant.now()));
		return new Created(id, username, community);
	}

	void audit(EnrolmentStep step, String subject, String actor, String territoryPath, String source, String detail) {
		events.publishEvent(new EnrolmentStepTaken(step, subject, actor, territoryPath, source, detail, Instant.now()));
	}
}

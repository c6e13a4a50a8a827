package org.jinlin.people.internal;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentPersonalDataViewed;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's record beyond the masked view: its history, and the audited reveal of the full ID number and
 * phone. Same visibility as {@link ResidentRegister#find}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ResidentRecords {

	public static final int PURPOSE_MAX = 200;

	private final ResidentRepository repository;

	private final ResidentWrites writes;

	private final ApplicationEventPublisher events;

	/** A resident's history, newest first. */
	public List<ResidentChange> history(long residentId) {
		repository.load(residentId, ResidentAccess.scope(CurrentActor.require()));
		return repository.history(residentId);
	}

	/**
	 * The full ID number and phone of a resident in the jurisdiction, for staff only; every call is recorded
	 * by publishing {@link ResidentPersonalDataViewed}.
	 *
	 * @param purpose why the data is needed (required, kept in the audit log)
	 */
	@Transactional
	public ResidentPersonalData reveal(long residentId, String purpose) {
		Actor actor = AccessRules.require(ResidentAccess::staff, "Only staff may view full personal data");
		ResidentRepository.Stored r = repository.load(residentId, ResidentAccess.scope(actor));
		if (purpose == null || purpose.isBlank()) {
			writes.fail("purpose", "people.error.purpose.required");
		}
		if (purpose.strip().length() > PURPOSE_MAX) {
			writes.fail("purpose", "people.error.purpose.length");
		}
		ResidentPersonalData data = new ResidentPersonalData(r.id(), r.name(), writes.decrypt(r.idNumberCipher()),
				writes.decrypt(r.phoneCipher()));
		events.publishEvent(new ResidentPersonalDataViewed(r.id(), r.territoryPath(), actor.name(), purpose.strip(),
				Instant.now()));
		return data;
	}
}

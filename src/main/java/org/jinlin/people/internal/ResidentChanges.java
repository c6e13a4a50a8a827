package org.jinlin.people.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentStatus;
import org.jinlin.people.ResidentUpdated;
import org.jinlin.people.ResidentView;
import org.jinlin.people.ResidentVoided;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing and voiding a resident's record. A change needs a reason and is kept in the history with the names
 * of the changed fields (never their values); a stale version answers 409. A record is voided with a reason,
 * never deleted, and its ID number becomes free for a new registration.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ResidentChanges {

	private final ResidentRepository repository;

	private final ResidentPlaces places;

	private final ResidentWrites writes;

	private final ResidentRegister register;

	private final ApplicationEventPublisher events;

	/** Changes a resident; {@code reason} is required and kept in the history with the names of changed fields. */
	public ResidentView update(long residentId, UpdateResident cmd, String reason) {
		Actor actor = ResidentAccess.requireWriter();
		ResidentRepository.Stored current = repository.load(residentId, ResidentAccess.scope(actor));
		if (current.status() != ResidentStatus.ACTIVE) {
			throw new ConflictException("A voided record cannot be changed");
		}
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>(ResidentDraftValidation.validate(cmd));
		ResidentWrites.checkReason(reason, true, errors);
		ResidentPlaces.Place place = ResidentWrites.hasError(errors, "buildingId") ? null
				: places.place(actor, cmd.buildingId(), errors);
		String id = ResidentDraftValidation.normalizeIdNumber(cmd.idNumber());
		String index = writes.index(id);
		if (index != null && !ResidentWrites.hasError(errors, "idNumber")
				&& repository.activeIndexExists(index, residentId)) {
			errors.add(ResidentWrites.duplicate());
		}
		writes.failIfAny(errors);
		int expected = cmd.version() != null ? cmd.version() : current.version();
		if (expected != current.version()) {
			throw stale(residentId);
		}
		List<String> changed = writes.changedFields(current, cmd, index);
		if (changed.isEmpty()) {
			return current.view();
		}
		OffsetDateTime now = now();
		long householdId = places.household(place, cmd.unit(), cmd.room(), actor.name(), now);
		ResidentRepository.Write w = writes.write(cmd, id, index, place, householdId, current.channel());
		if (index.equals(current.idNumberIndex())) {
			w = ResidentWrites.withIdOf(w, current);
		}
		if (!repository.update(residentId, expected, w, actor.name(), now)) {
			throw stale(residentId);
		}
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.UPDATED, null, reason.strip(), changed);
		events.publishEvent(new ResidentUpdated(residentId, place.communityId(), changed, actor.name()));
		return register.find(residentId);
	}

	/** Voids a record with a reason (moved away, died, registered twice ...). It stays in the register, inactive. */
	public ResidentView voidRecord(long residentId, String reason) {
		Actor actor = ResidentAccess.requireWriter();
		ResidentRepository.Stored current = repository.load(residentId, ResidentAccess.scope(actor));
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>();
		ResidentWrites.checkReason(reason, true, errors);
		writes.failIfAny(errors);
		if (current.status() != ResidentStatus.ACTIVE) {
			throw new ConflictException("The record is already voided");
		}
		OffsetDateTime now = now();
		if (!repository.markVoided(residentId, current.version(), reason.strip(), actor.name(), now)) {
			throw stale(residentId);
		}
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.VOIDED, null, reason.strip(),
				List.of("status"));
		events.publishEvent(new ResidentVoided(residentId, current.communityId(), actor.name()));
		return register.find(residentId);
	}

	/**
	 * For the edit form, which leaves ID number and phone blank to mean "unchanged": fills them from the stored
	 * record without showing them (not a reveal, so not audited). Same visibility as {@link ResidentRegister#find}.
	 */
	@Transactional(readOnly = true)
	public UpdateResident keepingStoredPersonalData(long residentId, UpdateResident cmd) {
		ResidentRepository.Stored s = repository.load(residentId, ResidentAccess.scope(CurrentActor.require()));
		String id = cmd.idNumber() == null || cmd.idNumber().isBlank() ? writes.decrypt(s.idNumberCipher())
				: cmd.idNumber();
		String phone = cmd.phone() == null || cmd.phone().isBlank() ? writes.decrypt(s.phoneCipher()) : cmd.phone();
		return new UpdateResident(cmd.name(), cmd.gender(), cmd.birthDate(), id, phone, cmd.buildingId(), cmd.unit(),
				cmd.room(), cmd.tags(), cmd.version());
	}

	private static OptimisticLockingFailureException stale(long residentId) {
		return new OptimisticLockingFailureException("Resident " + residentId + " was changed by someone else");
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}

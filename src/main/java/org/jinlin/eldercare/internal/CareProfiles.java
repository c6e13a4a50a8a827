package org.jinlin.eldercare.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.AccountManagement;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.internal.ElderViews.AddDevice;
import org.jinlin.eldercare.internal.ElderViews.AssignCarer;
import org.jinlin.eldercare.internal.ElderViews.ContactDraft;
import org.jinlin.eldercare.internal.ElderViews.ElderView;
import org.jinlin.eldercare.internal.ElderViews.UpdateCare;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care profiles: creating one for a resident, the care data (living situation, mobility, encrypted health data and
 * door-access notes), emergency contacts, devices and the care circle. Workers only ({@link ElderAccess#canWrite}).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CareProfiles {

	private final ElderRepository repository;

	private final ElderQueries queries;

	private final ElderRegisterService register;

	private final ElderProfiles profiles;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ResidentRegister residents;

	private final AccountManagement accounts;

	private final ElderInput input;

	private static final Pattern PHONE = Pattern.compile("(1\\d{10})|(0\\d{2,3}-?\\d{7,8})");

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{2,63}");

	/** Creates the care profile of a resident the worker may see who has reached the elderly age. */
	@Transactional
	public ElderView createProfile(Long residentId) {
		Actor actor = CurrentActor.require();
		ElderAccess.requireWriter(actor);
		if (residentId == null) {
			throw input.fieldError("residentId", "eldercare.error.residentId.required", "A resident is required");
		}
		ResidentView r;
		try {
			r = residents.find(residentId);
		}
		catch (NotFoundException e) {
			throw input.fieldError("residentId", "eldercare.error.residentId.unknown", "Unknown resident or outside your jurisdiction");
		}
		if (repository.findByResident(r.id()).filter(ElderRepository.Stored::active).isPresent()) {
			throw new ConflictException("This resident already has a care profile");
		}
		if (!profiles.oldEnough(r.birthDate())) {
			throw input.fieldError("residentId", "eldercare.error.residentId.tooYoung", "The resident is younger than the elderly age");
		}
		long id = profiles.sync(r, actor.name()).orElseThrow(() -> new ConflictException("The resident is not active"));
		return queries.view(repository.find(id).orElseThrow());
	}

	/** Changes living situation, mobility, health data and door-access notes (encrypted); a change in condition. */
	@Transactional
	public ElderView updateCare(long elderId, UpdateCare cmd) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		if (cmd == null || cmd.livingSituation() == null) {
			errors.add(new FieldError("livingSituation", "eldercare.error.livingSituation.required"));
		}
		if (cmd == null || cmd.mobility() == null) {
			errors.add(new FieldError("mobility", "eldercare.error.mobility.required"));
		}
		if (cmd != null) {
			ElderInput.checkList("conditions", cmd.conditions(), errors);
			ElderInput.checkList("medicines", cmd.medicines(), errors);
			ElderInput.checkList("allergies", cmd.allergies(), errors);
			if (cmd.doorAccessNotes() != null && cmd.doorAccessNotes().strip().length() > 500) {
				errors.add(new FieldError("doorAccessNotes", "eldercare.error.text.length"));
			}
		}
		input.failIfAny(errors);
		OffsetDateTime now = ElderInput.now();
		String door = cmd.doorAccessNotes() == null || cmd.doorAccessNotes().isBlank() ? null
				: cipher.encrypt(cmd.doorAccessNotes().strip());
		boolean conditionChanged = !register.list(e.conditionsCipher()).equals(ElderInput.clean(cmd.conditions()))
				|| e.mobility() != cmd.mobility();
		repository.updateCare(elderId, cmd.livingSituation(), cmd.mobility(), register.seal(cmd.conditions()),
				register.seal(cmd.medicines()), register.seal(cmd.allergies()), door, actor.name(), now);
		if (conditionChanged && e.lastAssessedOn() != null) {
			repository.setReassessmentDue(elderId, ElderProfiles.today());
		}
		profiles.recompute(elderId);
		return reloaded(elderId);
	}

	/** Replaces the emergency contacts, in priority order (phones encrypted, masked copy kept). */
	@Transactional
	public ElderView replaceContacts(long elderId, List<ContactDraft> contacts) {
		Actor actor = CurrentActor.require();
		writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		List<ElderRepository.StoredContact> stored = new ArrayList<>();
		List<ContactDraft> list = contacts == null ? List.of() : contacts;
		if (list.size() > 10) {
			errors.add(new FieldError("contacts", "eldercare.error.contacts.tooMany"));
		}
		for (int i = 0; i < list.size() && i < 10; i++) {
			ContactDraft c = list.get(i);
			String prefix = "contacts[" + i + "].";
			if (c == null || c.name() == null || c.name().isBlank() || c.name().strip().length() > 50) {
				errors.add(new FieldError(prefix + "name", "eldercare.error.contact.name"));
			}
			if (c == null || c.relation() == null || c.relation().isBlank() || c.relation().strip().length() > 30) {
				errors.add(new FieldError(prefix + "relation", "eldercare.error.contact.relation"));
			}
			String phone = c == null || c.phone() == null ? "" : c.phone().replaceAll("[\\s]", "");
			if (!PHONE.matcher(phone).matches()) {
				errors.add(new FieldError(prefix + "phone", "eldercare.error.contact.phone"));
			}
			if (c != null && c.name() != null && c.relation() != null && PHONE.matcher(phone).matches()) {
				stored.add(new ElderRepository.StoredContact(0, i + 1, c.name().strip(), c.relation().strip(),
						cipher.encrypt(phone), Masking.phone(phone), null));
			}
		}
		input.failIfAny(errors);
		repository.replaceContacts(elderId, stored);
		return reloaded(elderId);
	}

	@Transactional
	public ElderView addDevice(long elderId, AddDevice cmd) {
		Actor actor = CurrentActor.require();
		writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		String deviceId = cmd == null || cmd.deviceId() == null ? "" : cmd.deviceId().strip();
		if (!DEVICE_ID.matcher(deviceId).matches()) {
			errors.add(new FieldError("deviceId", "eldercare.error.deviceId.format"));
		}
		else if (repository.deviceExists(deviceId)) {
			errors.add(new FieldError("deviceId", "eldercare.error.deviceId.taken"));
		}
		if (cmd == null || cmd.kind() == null) {
			errors.add(new FieldError("kind", "eldercare.error.kind.required"));
		}
		input.failIfAny(errors);
		repository.insertDevice(elderId, deviceId, cmd.kind(), actor.name(), ElderInput.now());
		return reloaded(elderId);
	}

	@Transactional
	public ElderView removeDevice(long elderId, long deviceRowId) {
		Actor actor = CurrentActor.require();
		writable(actor, elderId);
		if (!repository.deleteDevice(elderId, deviceRowId)) {
			throw new NotFoundException("No such device");
		}
		return reloaded(elderId);
	}

	/**
	 * Assigns a care-circle account: a community worker or grid worker must hold that role and be bound to a node
	 * covering the elder; a buddy must be a volunteer or staff account covering the elder's community.
	 */
	@Transactional
	public ElderView assignCarer(long elderId, AssignCarer cmd) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = writable(actor, elderId);
		List<FieldError> errors = new ArrayList<>();
		if (cmd == null || cmd.role() == null) {
			errors.add(new FieldError("role", "eldercare.error.role.required"));
		}
		Optional<AccountManagement.AccountReference> account = cmd == null || cmd.username() == null ? Optional.empty()
				: accounts.lookup(cmd.username());
		if (account.isEmpty()) {
			errors.add(new FieldError("username", "eldercare.error.username.unknown"));
		}
		else if (cmd.role() != null) {
			AccountManagement.AccountReference a = account.get();
			boolean fits = switch (cmd.role()) {
				case COMMUNITY_WORKER -> a.roles().contains(Role.COMMUNITY_WORKER) && e.territoryPath().startsWith(a.territoryPath());
				case GRID_WORKER -> a.roles().contains(Role.GRID_WORKER) && e.territoryPath().startsWith(a.territoryPath());
				case BUDDY -> (a.roles().contains(Role.VOLUNTEER) || a.roles().stream().anyMatch(Role::isStaff))
						&& (e.territoryPath().startsWith(a.territoryPath()) || a.territoryPath().startsWith(communityPath(e)));
			};
			if (!fits) {
				errors.add(new FieldError("username", "eldercare.error.username.role"));
			}
		}
		input.failIfAny(errors);
		AccountManagement.AccountReference a = account.get();
		repository.assignCarer(elderId, new ElderRepository.Carer(cmd.role(), accounts.lookupId(a.username()).orElse(null),
				a.username(), a.displayName()), actor.name(), ElderInput.now());
		return reloaded(elderId);
	}

	private String communityPath(ElderRepository.Stored e) {
		return territories.lookup(e.communityId()).map(TerritoryNode::path).orElse(e.territoryPath());
	}

	@Transactional
	public ElderView removeCarer(long elderId, CarerRole role) {
		Actor actor = CurrentActor.require();
		writable(actor, elderId);
		repository.removeCarer(elderId, role);
		return reloaded(elderId);
	}

	/** The elder, if the actor is a worker who may see her (403, 404 otherwise). */
	private ElderRepository.Stored writable(Actor actor, long elderId) {
		ElderAccess.requireWriter(actor);
		return queries.load(actor, elderId);
	}

	/** The profile as it is after a change. */
	private ElderView reloaded(long elderId) {
		return queries.view(repository.find(elderId).orElseThrow());
	}
}

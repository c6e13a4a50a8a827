package org.jinlin.eldercare.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jinlin.eldercare.CareCircleMember;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.ElderCareDataViewed;
import org.jinlin.eldercare.ElderLocation;
import org.jinlin.eldercare.ElderMatch;
import org.jinlin.eldercare.ElderProtocol;
import org.jinlin.eldercare.ElderRegister;
import org.jinlin.eldercare.EmergencyContact;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ElderRegister} on the register's repository; also the data helpers the module's services share. */
@Service
@Transactional(readOnly = true)
class ElderRegisterService implements ElderRegister {

	private final ElderRepository repository;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ElderQueries> queries;

	ElderRegisterService(ElderRepository repository, PersonalDataCipher cipher, Territories territories,
			ApplicationEventPublisher events, ObjectProvider<ElderQueries> queries) {
		this.queries = queries;
		this.repository = repository;
		this.cipher = cipher;
		this.territories = territories;
		this.events = events;
	}

	// ------------------------------------------------------------------ system queries (no actor check)

	/** An active elder's location, or empty. */
	@Override
	public Optional<ElderLocation> locate(long elderId) {
		return repository.find(elderId).filter(ElderRepository.Stored::active).map(this::location);
	}

	/** The elder a registered device (pendant, wristband, detector) belongs to, or empty. */
	@Override
	public Optional<ElderLocation> locateByDevice(String deviceId) {
		if (deviceId == null || deviceId.isBlank()) {
			return Optional.empty();
		}
		return repository.findByDevice(deviceId.strip()).filter(ElderRepository.Stored::active).map(this::location);
	}

	/** The elder profile of a resident (e.g. the signed-in resident pressing help), or empty. */
	@Override
	public Optional<ElderLocation> locateByResident(long residentId) {
		return repository.findByResident(residentId).filter(ElderRepository.Stored::active).map(this::location);
	}

	/** Emergency contacts by priority (1 first), phones in clear; empty for an unknown elder. */
	@Override
	public List<EmergencyContact> emergencyContacts(long elderId) {
		return repository.contacts(elderId).stream()
			.map(c -> new EmergencyContact(c.priority(), c.name(), c.relation(), cipher.decrypt(c.phoneCipher()),
					c.accountId()))
			.toList();
	}

	/** The care circle: community worker, grid worker, buddy (accounts), then family (the contacts). */
	@Override
	public List<CareCircleMember> careCircle(long elderId) {
		List<CareCircleMember> members = new ArrayList<>();
		List<ElderRepository.Carer> carers = repository.carers(elderId);
		for (CarerRole role : CarerRole.values()) {
			carers.stream().filter(c -> c.role() == role)
				.forEach(c -> members.add(new CareCircleMember(role.name(), c.accountId(), c.displayName())));
		}
		repository.contacts(elderId).forEach(c -> members.add(new CareCircleMember("FAMILY", c.accountId(), c.name())));
		return members;
	}

	// ------------------------------------------------------------------ actor-checked, audited

	/**
	 * The emergency protocol of an elder for staff whose jurisdiction covers the elder and for the accounts of her
	 * care circle (community worker, grid worker, buddy); audited.
	 *
	 * @param purpose why (e.g. "alarm 42"); required, kept in the audit log
	 * @throws ForbiddenException for anyone else who is not staff
	 * @throws NotFoundException for an unknown elder or one outside the jurisdiction
	 */
	@Override
	@Transactional
	public ElderProtocol protocol(long elderId, String purpose) {
		Actor actor = CurrentActor.require();
		// The alarm desk (staff of the area) and the elder's care circle (e.g. her volunteer buddy answering her alarm).
		boolean inCircle = !actor.isApiKey() && actor.accountId() != null && repository.carers(elderId).stream()
			.anyMatch(c -> actor.accountId().equals(c.accountId()));
		if (!actor.isStaff() && !inCircle) {
			throw new ForbiddenException("Only staff and the care circle may view an elder's protocol");
		}
		ElderRepository.Stored e = repository.find(elderId).filter(s -> inCircle || actor.covers(s.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No elder with id " + elderId));
		if (purpose == null || purpose.isBlank()) {
			throw ValidationFailedException.field("purpose", "A purpose is required");
		}
		String why = purpose.strip().length() > 200 ? purpose.strip().substring(0, 200) : purpose.strip();
		ElderLocation where = location(e);
		ElderProtocol protocol = new ElderProtocol(e.id(), e.name(), age(e.birthDate()), e.livingSituation().name(),
				e.mobility().name(), list(e.conditionsCipher()), list(e.medicinesCipher()), list(e.allergiesCipher()),
				cipher.decrypt(e.doorAccessCipher()), e.addressLabel(), where.latitude(), where.longitude(),
				e.riskLevel().name(), emergencyContacts(e.id()));
		events.publishEvent(new ElderCareDataViewed(e.id(), e.territoryPath(), actor.name(), "PROTOCOL", why, Instant.now()));
		return protocol;
	}

	@Override
	public List<ElderMatch> matching(String namePrefix, int max) {
		return queries.getObject().search(null, null, namePrefix, 0, max).items().stream()
			.map(r -> new ElderMatch(r.id(), r.name(), r.age(), r.addressLabel())).toList();
	}

	// ------------------------------------------------------------------ helpers

	ElderLocation location(ElderRepository.Stored e) {
		double[] point = coordinates(e.buildingId());
		return new ElderLocation(e.id(), e.residentId(), e.name(), e.communityId(), e.territoryPath(), e.buildingId(),
				point[0], point[1]);
	}

	/** The building's coordinates, else the nearest ancestor's that has them, else 0/0. */
	double[] coordinates(long buildingId) {
		Optional<TerritoryNode> building = territories.lookup(buildingId);
		if (building.isEmpty()) {
			return new double[] { 0, 0 };
		}
		TerritoryNode b = building.get();
		if (b.latitude() != null && b.longitude() != null) {
			return new double[] { b.latitude(), b.longitude() };
		}
		List<TerritoryNode> ancestors = new ArrayList<>(territories.lookupAll(b.ancestorIds()));
		ancestors.sort((x, y) -> Integer.compare(y.path().length(), x.path().length()));
		for (TerritoryNode a : ancestors) {
			if (a.latitude() != null && a.longitude() != null) {
				return new double[] { a.latitude(), a.longitude() };
			}
		}
		return new double[] { 0, 0 };
	}

	/** Decrypts a stored list (one item per line). */
	List<String> list(String stored) {
		String plain = cipher.decrypt(stored);
		if (plain == null || plain.isBlank()) {
			return List.of();
		}
		return Arrays.stream(plain.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Encrypts a list as one item per line; an empty list is stored as {@code null}. */
	String seal(List<String> items) {
		if (items == null) {
			return null;
		}
		List<String> clean = items.stream().filter(s -> s != null && !s.isBlank()).map(s -> s.strip().replace('\n', ' ')).toList();
		return clean.isEmpty() ? null : cipher.encrypt(String.join("\n", clean));
	}

	static Integer age(LocalDate birthDate) {
		return CareRules.age(birthDate);
	}
}

package org.jinlin.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.internal.ResidentDraftValidation;
import org.jinlin.people.internal.ResidentRegistration;
import org.jinlin.people.internal.ResidentRepository;
import org.jinlin.shared.Actor;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.Role;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads residents in bulk as a trusted system load (no one is signed in, e.g. at start-up), through the
 * register's own bulk path: the same validation, encryption, households, history and
 * {@link ResidentsRegistered} events as an import by staff, acting as a built-in administrator of a subtree.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ResidentBulkLoad {

	private final ResidentRegistration registration;

	private final ResidentRepository repository;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	/**
	 * Registers every draft or none (see {@link ImportResult}), in buildings under {@code under}.
	 *
	 * @param loadedBy the name kept as the registering account (e.g. {@code system:…})
	 * @param reason kept in each resident's history
	 */
	public ImportResult load(TerritoryNode under, String loadedBy, String reason, List<RegisterResident> drafts) {
		Actor system = new Actor(null, loadedBy, Set.of(Role.ADMINISTRATOR), under.id(), under.path(), null, null);
		return registration.registerAll(system, drafts, reason);
	}

	/**
	 * Announces that the active resident with this ID number is the person behind a sign-in account
	 * ({@link ResidentLinkedToAccount}, which the accounts module records). Returns the resident's id, if found.
	 */
	public Optional<Long> linkToAccount(String idNumber, String username) {
		String id = ResidentDraftValidation.normalizeIdNumber(idNumber);
		if (id == null) {
			return Optional.empty();
		}
		Optional<Long> residentId = repository.findByIndex(cipher.blindIndex(id), ResidentRepository.Scope.subtree("/%"))
			.stream().findFirst().map(ResidentRepository.Stored::id);
		residentId.ifPresent(r -> events.publishEvent(new ResidentLinkedToAccount(r, username)));
		return residentId;
	}
}

package org.jinlin.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.internal.ResidentAccess;
import org.jinlin.people.internal.ResidentDraftValidation;
import org.jinlin.people.internal.ResidentRepository;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.Paged;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the resident register, ID numbers and phones always masked. The scoped methods apply the
 * current actor's rights: staff read residents whose building lies in their subtree, a resident only their own
 * record, READ and INTEGRATION API keys masked rows of their subtree, everyone else gets 403; records outside
 * the jurisdiction are reported as not found (404). The {@code lookup*} methods are unscoped system queries for
 * other modules' listeners and timers, which apply their own rules before showing anything.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ResidentRegister {

	private final ResidentRepository repository;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	/** One resident in the current actor's jurisdiction, or 404. */
	public ResidentView find(long residentId) {
		return repository.load(residentId, ResidentAccess.scope(CurrentActor.require())).view();
	}

	/**
	 * Unscoped: one resident (e.g. for eldercare creating a care profile on {@link ResidentRegistered}).
	 */
	public Optional<ResidentView> lookup(long residentId) {
		return repository.find(residentId, ResidentRepository.Scope.subtree("/%")).map(ResidentRepository.Stored::view);
	}

	/**
	 * Unscoped: a resident's full name and phone in clear (the phone null if none is registered), for another
	 * module's audited reveal; the caller checks the viewer's rights and publishes its own audit event.
	 */
	public Optional<ResidentContact> lookupContact(long residentId) {
		return repository.find(residentId, ResidentRepository.Scope.subtree("/%"))
			.map(r -> new ResidentContact(r.id(), r.name(), r.phoneCipher() == null ? null : cipher.decrypt(r.phoneCipher())));
	}

	/** Unscoped: several residents by id (see {@link #lookup}). */
	public List<ResidentView> lookupAll(Collection<Long> residentIds) {
		return repository.findAll(residentIds).stream().map(ResidentRepository.Stored::view).toList();
	}

	/**
	 * Unscoped, read-only: ids of the active residents under the territory path (e.g. a survey's population); the
	 * caller checks its own rules and never shows them.
	 */
	public List<Long> lookupActiveIdsUnder(String territoryPath) {
		return repository.activeUnder(territoryPath);
	}

	/** Unscoped: ids of active residents born on or before {@code date} (e.g. all aged 60+). */
	public List<Long> lookupActiveBornOnOrBefore(LocalDate date) {
		return repository.activeBornOnOrBefore(date);
	}

	/**
	 * Unscoped: ids of the active residents with exactly this name whose ID number ends in these six characters
	 * (digits, or a final {@code X}), for matching a person who signs up to her record. The ID numbers are decrypted
	 * here and never leave the module; the caller decides what a match (one id) or none or several mean.
	 */
	public List<Long> lookupIdsByNameAndIdSuffix(String name, String idSuffix) {
		if (name == null || name.isBlank() || idSuffix == null || !idSuffix.strip().matches("[0-9]{5}[0-9Xx]")) {
			return List.of();
		}
		String suffix = idSuffix.strip().toUpperCase(java.util.Locale.ROOT);
		return repository.activeWithName(name.strip()).stream()
			.filter(r -> cipher.decrypt(r.idNumberCipher()).toUpperCase(java.util.Locale.ROOT).endsWith(suffix))
			.map(ResidentRepository.EncryptedIdNumber::id)
			.toList();
	}

	/** Exact look-up in the jurisdiction by ID number (via the blind index): the active record first. */
	public Optional<ResidentView> findByIdNumber(String idNumber) {
		String id = ResidentDraftValidation.normalizeIdNumber(idNumber);
		if (id == null) {
			return Optional.empty();
		}
		return repository.findByIndex(cipher.blindIndex(id), ResidentAccess.scope(CurrentActor.require())).stream().findFirst()
			.map(ResidentRepository.Stored::view);
	}

	/** One page of residents matching the query in the jurisdiction, ordered by name. */
	public Paged<ResidentRow> search(ResidentQuery query) {
		ResidentRepository.Scope scope = ResidentAccess.scope(CurrentActor.require());
		Optional<ResidentRepository.Filter> filter = filter(query);
		if (filter.isEmpty()) {
			return Paged.empty(query.page(), query.size());
		}
		long total = repository.count(filter.get(), scope);
		List<ResidentRow> rows = total == 0 ? List.of()
				: repository.search(filter.get(), scope, (long) query.page() * query.size(), query.size()).stream()
					.map(ResidentRepository.Stored::row).toList();
		return new Paged<>(rows, query.page(), query.size(), total);
	}

	/** How many residents match the query in the jurisdiction (paging ignored). */
	public long count(ResidentQuery query) {
		ResidentRepository.Scope scope = ResidentAccess.scope(CurrentActor.require());
		return filter(query).map(f -> repository.count(f, scope)).orElse(0L);
	}

	/** Every matching row in the current actor's jurisdiction, streamed in id order (paging ignored). */
	public void export(ResidentQuery query, Consumer<ResidentRow> sink) {
		export(CurrentActor.require(), query, sink);
	}

	/** As {@link #export(ResidentQuery, Consumer)} for an explicit actor (background exports). */
	public void export(Actor actor, ResidentQuery query, Consumer<ResidentRow> sink) {
		ResidentRepository.Scope scope = ResidentAccess.scope(actor);
		filter(query).ifPresent(f -> repository.stream(f, scope, s -> sink.accept(s.row())));
	}

	private Optional<ResidentRepository.Filter> filter(ResidentQuery q) {
		String subtree = null;
		if (q.communityCode() != null) {
			Optional<TerritoryNode> node = territories.lookupByCode(q.communityCode());
			if (node.isEmpty()) {
				return Optional.empty();
			}
			subtree = node.get().path() + "%";
		}
		return Optional.of(new ResidentRepository.Filter(q.namePrefix(), q.tag(), subtree, q.buildingId(), q.status()));
	}
}

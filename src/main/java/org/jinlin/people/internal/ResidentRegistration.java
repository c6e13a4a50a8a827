package org.jinlin.people.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.people.ImportResult;
import org.jinlin.people.RegisterResident;
import org.jinlin.people.RegistrationChannel;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentRegistered;
import org.jinlin.people.ResidentView;
import org.jinlin.people.ResidentsRegistered;
import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering residents: one at a time on behalf of the resident (staff, with a channel), or many at once
 * (the importer, a trusted system load). Values are checked by {@link ResidentDraftValidation}, the building must
 * lie in the actor's jurisdiction, an ID number may be active only once in the city; each registration keeps
 * a REGISTERED entry in the history and is announced with {@link ResidentRegistered} or, in bulk,
 * {@link ResidentsRegistered}.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class ResidentRegistration {

	/** Rows per JDBC batch in {@link #registerAll}. */
	public static final int BATCH_SIZE = 1000;

	private static final Logger log = LoggerFactory.getLogger(ResidentRegistration.class);

	private final ResidentRepository repository;

	private final ResidentPlaces places;

	private final ResidentWrites writes;

	private final ResidentRegister register;

	private final ApplicationEventPublisher events;

	/** Registers one resident; {@code reason} is optional (e.g. "上门走访登记"). */
	public ResidentView register(RegisterResident cmd, String reason) {
		Actor actor = ResidentAccess.requireWriter();
		Objects.requireNonNull(cmd, "cmd");
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>(ResidentDraftValidation.validate(cmd));
		if (cmd.channel() == null) {
			errors.add(new ResidentDraftValidation.FieldError("channel", "people.error.channel.required",
					"Channel is required"));
		}
		ResidentWrites.checkReason(reason, false, errors);
		ResidentPlaces.Place place = ResidentWrites.hasError(errors, "buildingId") ? null
				: places.place(actor, cmd.buildingId(), errors);
		String id = ResidentDraftValidation.normalizeIdNumber(cmd.idNumber());
		String index = writes.index(id);
		if (index != null && !ResidentWrites.hasError(errors, "idNumber") && repository.activeIndexExists(index, null)) {
			errors.add(ResidentWrites.duplicate());
		}
		writes.failIfAny(errors);
		OffsetDateTime now = now();
		long householdId = places.household(place, cmd.unit(), cmd.room(), actor.name(), now);
		long residentId = repository.insert(writes.write(cmd, id, index, place, householdId, cmd.channel()),
				actor.name(), now);
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.REGISTERED, cmd.channel(),
				ResidentWrites.blank(reason), null);
		events.publishEvent(new ResidentRegistered(residentId, place.communityId(), householdId, actor.name()));
		return register.find(residentId);
	}

	/** Bulk registration by the current actor; see {@link #registerAll(Actor, List, String)}. */
	public ImportResult registerAll(List<RegisterResident> drafts, String reason) {
		return registerAll(CurrentActor.require(), drafts, reason);
	}

	/**
	 * Bulk registration for the importer (and trusted system loads), inside the caller's transaction.
	 * All-or-nothing without throwing: first every draft is checked (the field rules of
	 * {@link ResidentDraftValidation} as a safety net, the building exists and lies in the actor's jurisdiction,
	 * the ID number appears once in the list and is not already active in the register); if anything is wrong
	 * nothing is written and the errors are returned by draft index. Otherwise residents are inserted in JDBC
	 * batches of {@value #BATCH_SIZE}, each with a REGISTERED history entry, and one {@link ResidentsRegistered}
	 * event is published per batch. A draft without a channel counts as {@link RegistrationChannel#IMPORT}.
	 *
	 * @param actor who registers (a background import passes the actor that started it)
	 */
	public ImportResult registerAll(Actor actor, List<RegisterResident> drafts, String reason) {
		ResidentAccess.checkWriter(actor);
		long t0 = System.nanoTime();
		List<ImportResult.RowError> errors = new ArrayList<>();
		if (reason != null && reason.strip().length() > ResidentWrites.REASON_MAX) {
			errors.add(new ImportResult.RowError(-1, "reason", "people.error.reason.length", "Reason is too long"));
		}
		// 1. field rules
		List<Boolean> fieldOk = new ArrayList<>(drafts.size());
		LocalDate today = LocalDate.now(ResidentDraftValidation.ZONE);
		for (int i = 0; i < drafts.size(); i++) {
			List<ResidentDraftValidation.FieldError> fe = ResidentDraftValidation.validate(drafts.get(i), today);
			for (ResidentDraftValidation.FieldError e : fe) {
				errors.add(new ImportResult.RowError(i, e.field(), e.code(), e.message()));
			}
			fieldOk.add(!ResidentWrites.hasError(fe, "idNumber") && !ResidentWrites.hasError(fe, "buildingId"));
		}
		// 2. buildings
		Set<Long> buildingIds = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			if (fieldOk.get(i)) {
				buildingIds.add(drafts.get(i).buildingId());
			}
		}
		Map<Long, ResidentPlaces.Place> found = places.places(actor, buildingIds);
		// 3. ID numbers: once in the list, not yet active in the register
		String[] ids = new String[drafts.size()];
		String[] indexes = new String[drafts.size()];
		Map<String, Integer> firstRow = new HashMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			RegisterResident d = drafts.get(i);
			if (!fieldOk.get(i)) {
				continue;
			}
			if (!found.containsKey(d.buildingId())) {
				ResidentDraftValidation.FieldError e = ResidentWrites.unknownBuilding();
				errors.add(new ImportResult.RowError(i, e.field(), e.code(), e.message()));
			}
			ids[i] = ResidentDraftValidation.normalizeIdNumber(d.idNumber());
			indexes[i] = writes.index(ids[i]);
			Integer first = firstRow.putIfAbsent(indexes[i], i);
			if (first != null) {
				errors.add(new ImportResult.RowError(i, "idNumber", "people.error.idNumber.duplicateInList",
						"The same ID number is already in row index " + first));
			}
		}
		long t1 = System.nanoTime();
		Set<String> existing = new HashSet<>(repository.existingActiveIndexes(firstRow.keySet()));
		long t2 = System.nanoTime();
		for (int i = 0; i < drafts.size(); i++) {
			if (indexes[i] != null && existing.contains(indexes[i])) {
				ResidentDraftValidation.FieldError e = ResidentWrites.duplicate();
				errors.add(new ImportResult.RowError(i, e.field(), e.code(), e.message()));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportResult.RowError::index));
			return new ImportResult(0, errors);
		}
		long t3 = System.nanoTime();
		insert(actor.name(), drafts, ids, indexes, found, ResidentWrites.blank(reason));
		log.debug("registerAll {} rows: checks {} ms, duplicate look-up {} ms, writes {} ms", drafts.size(),
				ms(t1 - t0), ms(t2 - t1), ms(System.nanoTime() - t3));
		return new ImportResult(drafts.size(), List.of());
	}

	/** Households first, then the residents batch by batch, each batch with its history and its event. */
	private void insert(String by, List<RegisterResident> drafts, String[] ids, String[] indexes,
			Map<Long, ResidentPlaces.Place> found, String why) {
		OffsetDateTime now = now();
		List<HouseholdRepository.HouseholdAddress> addresses = new ArrayList<>(drafts.size());
		for (RegisterResident d : drafts) {
			addresses.add(places.householdAddress(found.get(d.buildingId()), d.unit(), d.room()));
		}
		Map<String, Long> households = places.households(addresses, by, now);
		for (int start = 0; start < drafts.size(); start += BATCH_SIZE) {
			int end = Math.min(drafts.size(), start + BATCH_SIZE);
			List<ResidentRepository.Write> rows = new ArrayList<>(end - start);
			List<RegistrationChannel> channels = new ArrayList<>(end - start);
			Set<Long> communities = new HashSet<>();
			for (int i = start; i < end; i++) {
				RegisterResident d = drafts.get(i);
				ResidentPlaces.Place place = found.get(d.buildingId());
				long householdId = households.get(addresses.get(i).key());
				RegistrationChannel channel = d.channel() == null ? RegistrationChannel.IMPORT : d.channel();
				rows.add(writes.write(d, ids[i], indexes[i], place, householdId, channel));
				channels.add(channel);
				communities.add(place.communityId());
			}
			List<Long> inserted = repository.insertBatch(rows, by, now);
			repository.insertRegisteredChanges(inserted, channels, now, by, why);
			events.publishEvent(new ResidentsRegistered(List.copyOf(inserted), Set.copyOf(communities), by));
		}
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}

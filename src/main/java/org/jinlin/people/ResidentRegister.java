package org.jinlin.people;

import org.jinlin.shared.PersonalDataCipher;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jinlin.shared.Actor;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident register. Every method checks the acting account (the current request's
 * {@link Actor} unless one is passed):
 * <ul>
 * <li>staff (grid and community workers, street/district/city officials, administrators) read residents
 * whose building lies in their subtree; a resident reads only their own record; READ and INTEGRATION API keys
 * read masked rows of their subtree; volunteers, canteen operators and other keys get 403;</li>
 * <li>only grid workers, community workers and administrators write, and only for buildings in their subtree;</li>
 * <li>records outside the jurisdiction are reported as not found (404).</li>
 * </ul>
 * Personal values are validated by {@link ResidentDraftValidation}, encrypted at rest, masked in every view
 * except {@link #reveal}, which is audited through {@link ResidentPersonalDataViewed}. Exceptions and
 * events never carry ID numbers or phones.
 */
@Service
@Transactional(readOnly = true)
public class ResidentRegister {

	/** Rows per JDBC batch in {@link #registerAll}. */
	public static final int BATCH_SIZE = 1000;

	public static final int REASON_MAX = 500;

	/** API key purposes that may read the (masked) register. */
	private static final Set<String> READING_KEYS = Set.of("READ", "INTEGRATION");

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResidentRegister.class);

	private final ResidentRepository repository;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	ResidentRegister(ResidentRepository repository, PersonalDataCipher cipher, Territories territories,
			ApplicationEventPublisher events, MessageSource messages) {
		this.repository = repository;
		this.cipher = cipher;
		this.territories = territories;
		this.events = events;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ writes

	/** Registers one resident; {@code reason} is optional (e.g. "上门走访登记"). */
	@Transactional
	public ResidentView register(RegisterResident cmd, String reason) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		Objects.requireNonNull(cmd, "cmd");
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>(ResidentDraftValidation.validate(cmd));
		if (cmd.channel() == null) {
			errors.add(new ResidentDraftValidation.FieldError("channel", "people.error.channel.required", "Channel is required"));
		}
		checkReason(reason, false, errors);
		Place place = errors.stream().anyMatch(e -> e.field().equals("buildingId")) ? null : place(actor, cmd.buildingId(), errors);
		String id = ResidentDraftValidation.normalizeIdNumber(cmd.idNumber());
		String index = id == null ? null : cipher.blindIndex(id);
		if (index != null && errors.stream().noneMatch(e -> e.field().equals("idNumber")) && repository.activeIndexExists(index, null)) {
			errors.add(duplicate());
		}
		failIfAny(errors);
		OffsetDateTime now = now();
		long householdId = household(place, cmd.unit(), cmd.room(), actor.name(), now);
		long residentId = repository.insert(write(cmd, id, index, place, householdId, cmd.channel()), actor.name(), now);
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.REGISTERED, cmd.channel(),
				blankToNull(reason), null);
		events.publishEvent(new ResidentRegistered(residentId, place.communityId(), householdId, actor.name()));
		return repository.find(residentId, scope(actor)).orElseThrow().view();
	}

	/** Changes a resident; {@code reason} is required and kept in the history with the names of changed fields. */
	@Transactional
	public ResidentView update(long residentId, UpdateResident cmd, String reason) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ResidentRepository.Stored current = load(actor, residentId);
		if (current.status() != ResidentStatus.ACTIVE) {
			throw new ConflictException("A voided record cannot be changed");
		}
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>(ResidentDraftValidation.validate(cmd));
		checkReason(reason, true, errors);
		Place place = errors.stream().anyMatch(e -> e.field().equals("buildingId")) ? null : place(actor, cmd.buildingId(), errors);
		String id = ResidentDraftValidation.normalizeIdNumber(cmd.idNumber());
		String index = id == null ? null : cipher.blindIndex(id);
		if (index != null && errors.stream().noneMatch(e -> e.field().equals("idNumber"))
				&& repository.activeIndexExists(index, residentId)) {
			errors.add(duplicate());
		}
		failIfAny(errors);
		int expected = cmd.version() != null ? cmd.version() : current.version();
		if (expected != current.version()) {
			throw new OptimisticLockingFailureException("Resident " + residentId + " was changed by someone else");
		}
		List<String> changed = changedFields(current, cmd, index);
		if (changed.isEmpty()) {
			return current.view();
		}
		OffsetDateTime now = now();
		long householdId = household(place, cmd.unit(), cmd.room(), actor.name(), now);
		ResidentRepository.Write w = index.equals(current.idNumberIndex())
				? withIdOf(write(cmd, id, index, place, householdId, current.channel()), current)
				: write(cmd, id, index, place, householdId, current.channel());
		if (!repository.update(residentId, expected, w, actor.name(), now)) {
			throw new OptimisticLockingFailureException("Resident " + residentId + " was changed by someone else");
		}
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.UPDATED, null, reason.strip(), changed);
		events.publishEvent(new ResidentUpdated(residentId, place.communityId(), changed, actor.name()));
		return repository.find(residentId, scope(actor)).orElseThrow().view();
	}

	/** Voids a record with a reason (moved away, died, registered twice ...). It stays in the register, inactive. */
	@Transactional
	public ResidentView voidRecord(long residentId, String reason) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ResidentRepository.Stored current = load(actor, residentId);
		List<ResidentDraftValidation.FieldError> errors = new ArrayList<>();
		checkReason(reason, true, errors);
		failIfAny(errors);
		if (current.status() != ResidentStatus.ACTIVE) {
			throw new ConflictException("The record is already voided");
		}
		OffsetDateTime now = now();
		if (!repository.markVoided(residentId, current.version(), reason.strip(), actor.name(), now)) {
			throw new OptimisticLockingFailureException("Resident " + residentId + " was changed by someone else");
		}
		repository.insertChange(residentId, now, actor.name(), ResidentChangeType.VOIDED, null, reason.strip(), List.of("status"));
		events.publishEvent(new ResidentVoided(residentId, current.communityId(), actor.name()));
		return repository.find(residentId, scope(actor)).orElseThrow().view();
	}

	/** Bulk registration by the current actor; see {@link #registerAll(Actor, List, String)}. */
	@Transactional
	public ImportResult registerAll(List<RegisterResident> drafts, String reason) {
		return registerAll(CurrentActor.require(), drafts, reason);
	}

	/**
	 * Bulk registration for the importer (and demo data), inside the caller's transaction. All-or-nothing
	 * without throwing: first every draft is checked (the field rules of {@link ResidentDraftValidation} as a
	 * safety net, the building exists and lies in the actor's jurisdiction, the ID number appears once in the
	 * list and is not already active in the register); if anything is wrong nothing is written and the errors
	 * are returned by draft index. Otherwise residents are inserted in JDBC batches of {@value #BATCH_SIZE},
	 * each with a REGISTERED history entry, and one {@link ResidentsRegistered} event is published per batch.
	 * A draft without a channel counts as {@link RegistrationChannel#IMPORT}.
	 *
	 * @param actor who registers (a background import passes the actor that started it)
	 */
	@Transactional
	public ImportResult registerAll(Actor actor, List<RegisterResident> drafts, String reason) {
		requireWriter(actor);
		long t0 = System.nanoTime();
		List<ImportResult.RowError> errors = new ArrayList<>();
		if (reason != null && reason.strip().length() > REASON_MAX) {
			errors.add(new ImportResult.RowError(-1, "reason", "people.error.reason.length", "Reason is too long"));
		}
		// 1. field rules
		List<Boolean> fieldOk = new ArrayList<>(drafts.size());
		java.time.LocalDate today = java.time.LocalDate.now(ResidentDraftValidation.ZONE);
		for (int i = 0; i < drafts.size(); i++) {
			List<ResidentDraftValidation.FieldError> fe = ResidentDraftValidation.validate(drafts.get(i), today);
			for (ResidentDraftValidation.FieldError e : fe) {
				errors.add(new ImportResult.RowError(i, e.field(), e.code(), e.message()));
			}
			fieldOk.add(fe.stream().noneMatch(e -> e.field().equals("idNumber") || e.field().equals("buildingId")));
		}
		// 2. buildings
		Set<Long> buildingIds = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			if (fieldOk.get(i)) {
				buildingIds.add(drafts.get(i).buildingId());
			}
		}
		Map<Long, Place> places = places(actor, buildingIds);
		// 3. ID numbers: once in the list, not yet active in the register
		String[] ids = new String[drafts.size()];
		String[] indexes = new String[drafts.size()];
		Map<String, Integer> firstRow = new HashMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			RegisterResident d = drafts.get(i);
			if (!fieldOk.get(i)) {
				continue;
			}
			if (!places.containsKey(d.buildingId())) {
				errors.add(new ImportResult.RowError(i, "buildingId", "people.error.buildingId.unknown",
						"Unknown building or outside your jurisdiction"));
			}
			ids[i] = ResidentDraftValidation.normalizeIdNumber(d.idNumber());
			indexes[i] = cipher.blindIndex(ids[i]);
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
				errors.add(new ImportResult.RowError(i, "idNumber", "people.error.idNumber.duplicate",
						"A resident with this ID number is already registered"));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportResult.RowError::index));
			return new ImportResult(0, errors);
		}
		// 4. households, then residents batch by batch
		OffsetDateTime now = now();
		String by = actor.name();
		List<ResidentRepository.HouseholdAddress> addresses = new ArrayList<>(drafts.size());
		for (RegisterResident d : drafts) {
			addresses.add(householdAddress(places.get(d.buildingId()), d.unit(), d.room()));
		}
		Map<String, Long> households = repository.households(addresses, by, now);
		long t3 = System.nanoTime();
		long encrypt = 0;
		long insert = 0;
		long history = 0;
		String why = blankToNull(reason);
		for (int start = 0; start < drafts.size(); start += BATCH_SIZE) {
			int end = Math.min(drafts.size(), start + BATCH_SIZE);
			List<ResidentRepository.Write> writes = new ArrayList<>(end - start);
			List<RegistrationChannel> channels = new ArrayList<>(end - start);
			Set<Long> communities = new HashSet<>();
			long b0 = System.nanoTime();
			for (int i = start; i < end; i++) {
				RegisterResident d = drafts.get(i);
				Place place = places.get(d.buildingId());
				long householdId = households.get(addresses.get(i).key());
				RegistrationChannel channel = d.channel() == null ? RegistrationChannel.IMPORT : d.channel();
				writes.add(write(d, ids[i], indexes[i], place, householdId, channel));
				channels.add(channel);
				communities.add(place.communityId());
			}
			long b1 = System.nanoTime();
			List<Long> inserted = repository.insertBatch(writes, by, now);
			long b2 = System.nanoTime();
			repository.insertRegisteredChanges(inserted, channels, now, by, why);
			long b3 = System.nanoTime();
			encrypt += b1 - b0;
			insert += b2 - b1;
			history += b3 - b2;
			events.publishEvent(new ResidentsRegistered(List.copyOf(inserted), Set.copyOf(communities), by));
		}
		if (log.isDebugEnabled()) {
			log.debug("registerAll {} rows: checks {} ms, duplicate look-up {} ms, households {} ms, encryption {} ms, "
					+ "inserts {} ms, history {} ms", drafts.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(encrypt),
					ms(insert), ms(history));
		}
		return new ImportResult(drafts.size(), List.of());
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

	// ------------------------------------------------------------------ reads

	/** One resident with ID number and phone masked, or 404. */
	public ResidentView find(long residentId) {
		Actor actor = CurrentActor.require();
		return load(actor, residentId).view();
	}

	/**
	 * The full ID number and phone of a resident in the jurisdiction, for staff only; every call is recorded
	 * by publishing {@link ResidentPersonalDataViewed}.
	 *
	 * @param purpose why the data is needed (required, kept in the audit log)
	 */
	@Transactional
	public ResidentPersonalData reveal(long residentId, String purpose) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff may view full personal data");
		}
		ResidentRepository.Stored r = load(actor, residentId);
		if (purpose == null || purpose.isBlank()) {
			throw fieldError("purpose", "people.error.purpose.required", "A purpose is required");
		}
		if (purpose.strip().length() > 200) {
			throw fieldError("purpose", "people.error.purpose.length", "The purpose is too long");
		}
		ResidentPersonalData data = new ResidentPersonalData(r.id(), r.name(), cipher.decrypt(r.idNumberCipher()),
				cipher.decrypt(r.phoneCipher()));
		events.publishEvent(new ResidentPersonalDataViewed(r.id(), r.territoryPath(), actor.name(), purpose.strip(), Instant.now()));
		return data;
	}

	// ------------------------------------------------------------------ system queries (no actor)

	/**
	 * Unscoped system query for other modules' listeners and timers, which run without a signed-in actor
	 * (e.g. eldercare creating a care profile on {@link ResidentRegistered}): one resident, masked.
	 * Callers must apply their own access checks before showing anything.
	 */
	public Optional<ResidentView> lookup(long residentId) {
		return repository.find(residentId, ResidentRepository.Scope.subtree("/%")).map(ResidentRepository.Stored::view);
	}

	/** Unscoped system query: several residents by id, masked (see {@link #lookup}). */
	public List<ResidentView> lookupAll(Collection<Long> residentIds) {
		return repository.findAll(residentIds).stream().map(ResidentRepository.Stored::view).toList();
	}

	/** Unscoped system query: ids of active residents born on or before {@code date} (e.g. all aged 60+). */
	public List<Long> lookupActiveBornOnOrBefore(java.time.LocalDate date) {
		return repository.activeBornOnOrBefore(date);
	}

	/** Exact look-up of a resident in the jurisdiction by ID number (via the blind index): active record first. */
	public Optional<ResidentView> findByIdNumber(String idNumber) {
		Actor actor = CurrentActor.require();
		String id = ResidentDraftValidation.normalizeIdNumber(idNumber);
		if (id == null) {
			return Optional.empty();
		}
		return repository.findByIndex(cipher.blindIndex(id), scope(actor)).stream().findFirst().map(ResidentRepository.Stored::view);
	}

	/** A resident's history, newest first; same visibility as {@link #find}. */
	public List<ResidentChange> history(long residentId) {
		Actor actor = CurrentActor.require();
		load(actor, residentId);
		return repository.history(residentId);
	}

	/** One page of residents matching the query in the jurisdiction, masked, ordered by name. */
	public ResidentPage search(ResidentQuery query) {
		Actor actor = CurrentActor.require();
		ResidentRepository.Scope scope = scope(actor);
		Optional<ResidentRepository.Filter> filter = filter(query);
		if (filter.isEmpty()) {
			return new ResidentPage(List.of(), query.page(), query.size(), 0);
		}
		long total = repository.count(filter.get(), scope);
		List<ResidentRow> rows = total == 0 ? List.of()
				: repository.search(filter.get(), scope, (long) query.page() * query.size(), query.size()).stream()
					.map(ResidentRepository.Stored::row).toList();
		return new ResidentPage(rows, query.page(), query.size(), total);
	}

	/** How many residents match the query in the jurisdiction (paging ignored). */
	public long count(ResidentQuery query) {
		Actor actor = CurrentActor.require();
		ResidentRepository.Scope scope = scope(actor);
		return filter(query).map(f -> repository.count(f, scope)).orElse(0L);
	}

	/** Every matching row in the current actor's jurisdiction, masked, streamed in id order (paging ignored). */
	public void export(ResidentQuery query, Consumer<ResidentRow> sink) {
		export(CurrentActor.require(), query, sink);
	}

	/** As {@link #export(ResidentQuery, Consumer)} for an explicit actor (background exports). */
	public void export(Actor actor, ResidentQuery query, Consumer<ResidentRow> sink) {
		ResidentRepository.Scope scope = scope(actor);
		filter(query).ifPresent(f -> repository.stream(f, scope, s -> sink.accept(s.row())));
	}

	/**
	 * For the edit form, which leaves ID number and phone blank to mean "unchanged": fills them from the stored
	 * record without showing them (not a reveal, so not audited). Same visibility as {@link #find}.
	 */
	UpdateResident keepingStoredPersonalData(long residentId, UpdateResident cmd) {
		ResidentRepository.Stored s = load(CurrentActor.require(), residentId);
		String id = cmd.idNumber() == null || cmd.idNumber().isBlank() ? cipher.decrypt(s.idNumberCipher()) : cmd.idNumber();
		String phone = cmd.phone() == null || cmd.phone().isBlank() ? cipher.decrypt(s.phoneCipher()) : cmd.phone();
		return new UpdateResident(cmd.name(), cmd.gender(), cmd.birthDate(), id, phone, cmd.buildingId(), cmd.unit(),
				cmd.room(), cmd.tags(), cmd.version());
	}

	// ------------------------------------------------------------------ access rules

	static boolean canWrite(Actor actor) {
		return actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR);
	}

	private static void requireWriter(Actor actor) {
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only grid workers, community workers and administrators change the register");
		}
	}

	/** What rows the actor may read: staff their subtree, a resident only their own record; others 403. */
	static ResidentRepository.Scope scope(Actor actor) {
		if (actor.isStaff()) {
			return ResidentRepository.Scope.subtree(actor.jurisdiction().likePattern());
		}
		if (actor.has(Role.RESIDENT)) {
			return ResidentRepository.Scope.own(actor.residentId());
		}
		if (actor.isApiKey() && READING_KEYS.contains(actor.apiKeyPurpose())) {
			// READ and INTEGRATION keys read masked rows of their jurisdiction; they never write or reveal.
			return ResidentRepository.Scope.subtree(actor.jurisdiction().likePattern());
		}
		throw new ForbiddenException("No access to the resident register");
	}

	private ResidentRepository.Stored load(Actor actor, long residentId) {
		return repository.find(residentId, scope(actor))
			.orElseThrow(() -> new NotFoundException("No resident with id " + residentId));
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

	// ------------------------------------------------------------------ places and households

	/** A building with what the register stores about it. */
	record Place(TerritoryNode building, long communityId, String label) {
	}

	/** The building if it exists, is a BUILDING and lies in the actor's jurisdiction; else a field error. */
	private Place place(Actor actor, Long buildingId, List<ResidentDraftValidation.FieldError> errors) {
		Place p = buildingId == null ? null : places(actor, Set.of(buildingId)).get(buildingId);
		if (p == null) {
			errors.add(new ResidentDraftValidation.FieldError("buildingId", "people.error.buildingId.unknown",
					"Unknown building or outside your jurisdiction"));
		}
		return p;
	}

	/** Resolves buildings in the actor's jurisdiction; others are left out. */
	Map<Long, Place> places(Actor actor, Collection<Long> buildingIds) {
		Map<Long, Place> places = new HashMap<>();
		if (buildingIds.isEmpty()) {
			return places;
		}
		List<TerritoryNode> buildings = new ArrayList<>();
		for (List<Long> chunk : ResidentRepository.chunks(new ArrayList<>(buildingIds))) {
			territories.lookupAll(chunk).stream()
				.filter(b -> b.level() == TerritoryLevel.BUILDING && actor.covers(b.path()))
				.forEach(buildings::add);
		}
		Set<Long> ancestorIds = new HashSet<>();
		buildings.forEach(b -> ancestorIds.addAll(b.ancestorIds()));
		Map<Long, TerritoryNode> ancestors = new HashMap<>();
		for (List<Long> chunk : ResidentRepository.chunks(new ArrayList<>(ancestorIds))) {
			territories.lookupAll(chunk).forEach(n -> ancestors.put(n.id(), n));
		}
		for (TerritoryNode b : buildings) {
			Long community = null;
			String compound = null;
			for (Long id : b.ancestorIds()) {
				TerritoryNode a = ancestors.get(id);
				if (a != null && a.level() == TerritoryLevel.COMMUNITY) {
					community = a.id();
				}
				if (a != null && a.level() == TerritoryLevel.COMPOUND) {
					compound = a.name();
				}
			}
			if (community != null) {
				places.put(b.id(), new Place(b, community, compound == null ? b.name() : compound + b.name()));
			}
		}
		return places;
	}

	private long household(Place place, String unit, String room, String by, OffsetDateTime now) {
		ResidentRepository.HouseholdAddress a = householdAddress(place, unit, room);
		return repository.households(List.of(a), by, now).get(a.key());
	}

	private ResidentRepository.HouseholdAddress householdAddress(Place place, String unit, String room) {
		String u = blankToNull(unit);
		String r = blankToNull(room);
		StringBuilder label = new StringBuilder(place.label());
		if (u != null) {
			label.append(' ').append(u).append(u.matches("\\d+") ? "单元" : "");
		}
		if (r != null) {
			label.append(' ').append(r).append(r.matches("\\d+") ? "室" : "");
		}
		return new ResidentRepository.HouseholdAddress(place.building().id(), u, r, label.toString(),
				place.communityId(), place.building().path());
	}

	// ------------------------------------------------------------------ helpers

	private ResidentRepository.Write write(ResidentDraft d, String id, String index, Place place, long householdId,
			RegistrationChannel channel) {
		String phone = ResidentDraftValidation.normalizePhone(d.phone());
		return new ResidentRepository.Write(d.name().strip(), d.gender(), d.birthDate(), cipher.encrypt(id), index,
				Masking.idNumber(id), cipher.encrypt(phone), phone == null ? null : Masking.phone(phone),
				place.building().id(), blankToNull(d.unit()), blankToNull(d.room()), place.communityId(),
				place.building().path(), householdId, ResidentTag.toStored(d.tags()), channel);
	}

	/** Keeps the stored ID cipher when the number did not change (no needless re-encryption). */
	private static ResidentRepository.Write withIdOf(ResidentRepository.Write w, ResidentRepository.Stored s) {
		return new ResidentRepository.Write(w.name(), w.gender(), w.birthDate(), s.idNumberCipher(), w.idNumberIndex(),
				w.idNumberMasked(), w.phoneCipher(), w.phoneMasked(), w.buildingId(), w.unit(), w.room(), w.communityId(),
				w.territoryPath(), w.householdId(), w.tags(), w.channel());
	}

	private List<String> changedFields(ResidentRepository.Stored s, UpdateResident cmd, String index) {
		List<String> changed = new ArrayList<>();
		if (!s.name().equals(cmd.name().strip())) {
			changed.add("name");
		}
		if (s.gender() != cmd.gender()) {
			changed.add("gender");
		}
		if (!s.birthDate().equals(cmd.birthDate())) {
			changed.add("birthDate");
		}
		if (!s.idNumberIndex().equals(index)) {
			changed.add("idNumber");
		}
		String oldPhone = cipher.decrypt(s.phoneCipher());
		if (!Objects.equals(oldPhone, ResidentDraftValidation.normalizePhone(cmd.phone()))) {
			changed.add("phone");
		}
		if (s.buildingId() != cmd.buildingId()) {
			changed.add("buildingId");
		}
		if (!Objects.equals(s.unit(), blankToNull(cmd.unit()))) {
			changed.add("unit");
		}
		if (!Objects.equals(s.room(), blankToNull(cmd.room()))) {
			changed.add("room");
		}
		if (!ResidentTag.parseStored(s.tags()).equals(new HashSet<>(cmd.tags()))) {
			changed.add("tags");
		}
		return changed;
	}

	private static void checkReason(String reason, boolean required, List<ResidentDraftValidation.FieldError> errors) {
		if (reason == null || reason.isBlank()) {
			if (required) {
				errors.add(new ResidentDraftValidation.FieldError("reason", "people.error.reason.required", "A reason is required"));
			}
		}
		else if (reason.strip().length() > REASON_MAX) {
			errors.add(new ResidentDraftValidation.FieldError("reason", "people.error.reason.length", "The reason is too long"));
		}
	}

	private static ResidentDraftValidation.FieldError duplicate() {
		return new ResidentDraftValidation.FieldError("idNumber", "people.error.idNumber.duplicate",
				"A resident with this ID number is already registered");
	}

	private void failIfAny(List<ResidentDraftValidation.FieldError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		List<Map<String, String>> list = new ArrayList<>();
		for (ResidentDraftValidation.FieldError e : errors) {
			Map<String, String> m = new LinkedHashMap<>();
			m.put("field", e.field());
			m.put("code", e.code());
			m.put("message", message(e.code(), e.message()));
			list.add(m);
		}
		throw new ValidationFailedException(message("people.error.invalid", "The resident has invalid fields"), list);
	}

	private ValidationFailedException fieldError(String field, String code, String defaultMessage) {
		String msg = message(code, defaultMessage);
		return new ValidationFailedException(msg, List.of(Map.of("field", field, "code", code, "message", msg)));
	}

	private String message(String code, String defaultMessage) {
		return messages.getMessage(code, null, defaultMessage, LocaleContextHolder.getLocale());
	}

	private static String blankToNull(String s) {
		return ResidentRepository.blankToNull(s);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}

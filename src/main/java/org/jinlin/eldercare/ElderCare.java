package org.jinlin.eldercare;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.eldercare.ElderViews.AddDevice;
import org.jinlin.eldercare.ElderViews.AssessmentView;
import org.jinlin.eldercare.ElderViews.AssignCarer;
import org.jinlin.eldercare.ElderViews.CarerRow;
import org.jinlin.eldercare.ElderViews.ContactDraft;
import org.jinlin.eldercare.ElderViews.ContactRow;
import org.jinlin.eldercare.ElderViews.DeviceRow;
import org.jinlin.eldercare.ElderViews.ElderPage;
import org.jinlin.eldercare.ElderViews.ElderRow;
import org.jinlin.eldercare.ElderViews.ElderView;
import org.jinlin.eldercare.ElderViews.Health;
import org.jinlin.eldercare.ElderViews.OverdueVisit;
import org.jinlin.eldercare.ElderViews.PhotoUpload;
import org.jinlin.eldercare.ElderViews.RecordAssessment;
import org.jinlin.eldercare.ElderViews.RecordRiskEvent;
import org.jinlin.eldercare.ElderViews.RecordVisit;
import org.jinlin.eldercare.ElderViews.RiskEventView;
import org.jinlin.eldercare.ElderViews.UpcomingBirthday;
import org.jinlin.eldercare.ElderViews.UpdateCare;
import org.jinlin.eldercare.ElderViews.VisitView;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elderly register for people at work: lists, profiles, care data, assessments, visits, overdue visits and
 * birthdays. Access, checked here on every call:
 * <ul>
 * <li>staff (grid and community workers, street/district/city officials, administrators) see active elders whose
 * building lies in their subtree; READ and INTEGRATION API keys read the masked lists of their subtree;</li>
 * <li>a volunteer or party-member buddy sees the elders whose care circle they belong to;</li>
 * <li>everybody else gets 403; an elder outside what the caller may see is 404;</li>
 * <li>grid workers, community workers and administrators change profiles and record assessments; they and the
 * elder's buddy record visits;</li>
 * <li>health data and door-access notes are shown only by {@link #revealHealth}, audited through
 * {@link ElderCareDataViewed}.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ElderCare {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	public static final int FINDINGS_MAX = 2000;

	public static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

	private static final Set<String> READING_KEYS = Set.of("READ", "INTEGRATION");

	private static final Pattern PHONE = Pattern.compile("(1\\d{10})|(0\\d{2,3}-?\\d{7,8})");

	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{2,63}");

	private final ElderRepository repository;

	private final ElderRegister register;

	private final ElderProfiles profiles;

	private final PersonalDataCipher cipher;

	private final Territories territories;

	private final ResidentRegister residents;

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	ElderCare(ElderRepository repository, ElderRegister register, ElderProfiles profiles, PersonalDataCipher cipher,
			Territories territories, ResidentRegister residents, AccountManagement accounts,
			ApplicationEventPublisher events, MessageSource messages) {
		this.repository = repository;
		this.register = register;
		this.profiles = profiles;
		this.cipher = cipher;
		this.territories = territories;
		this.residents = residents;
		this.accounts = accounts;
		this.events = events;
		this.messages = messages;
	}

	// ------------------------------------------------------------------ access

	/** What the actor may see: a subtree (staff, reading keys) or its own care circle (buddies). */
	record Scope(String pathPattern, String circleMember) {

		void apply(StringBuilder where, MapSqlParameterSource p) {
			if (pathPattern != null) {
				where.append(" AND e.territory_path LIKE :scopePath");
				p.addValue("scopePath", pathPattern);
			}
			else {
				where.append(" AND e.id IN (SELECT c.elder_id FROM elder_carer c WHERE c.username = :scopeMember)");
				p.addValue("scopeMember", circleMember);
			}
		}

		boolean allows(ElderRepository.Stored e, List<ElderRepository.Carer> carers) {
			return pathPattern != null ? e.territoryPath().startsWith(pathPattern.substring(0, pathPattern.length() - 1))
					: carers.stream().anyMatch(c -> c.username().equals(circleMember));
		}
	}

	static Scope scope(Actor actor) {
		if (actor.isStaff()) {
			return new Scope(actor.jurisdiction().likePattern(), null);
		}
		if (actor.isApiKey() && READING_KEYS.contains(actor.apiKeyPurpose())) {
			return new Scope(actor.jurisdiction().likePattern(), null);
		}
		if (actor.has(Role.VOLUNTEER) && !actor.isApiKey()) {
			return new Scope(null, actor.name());
		}
		throw new ForbiddenException("No access to the elderly register");
	}

	static boolean canWrite(Actor actor) {
		return actor.hasAny(Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.ADMINISTRATOR) && !actor.isApiKey();
	}

	private static void requireWriter(Actor actor) {
		if (!canWrite(actor)) {
			throw new ForbiddenException("Only grid workers, community workers and administrators change the elderly register");
		}
	}

	/** An active elder the actor may see, or 404 (403 if the actor may see no elders at all). */
	private ElderRepository.Stored load(Actor actor, long elderId) {
		Scope scope = scope(actor);
		return repository.find(elderId)
			.filter(ElderRepository.Stored::active)
			.filter(e -> scope.allows(e, scope.pathPattern() == null ? repository.carers(e.id()) : List.of()))
			.orElseThrow(() -> new NotFoundException("No elder with id " + elderId));
	}

	// ------------------------------------------------------------------ lists

	/**
	 * One page of active elders the caller may see, ordered by risk (highest first) then name.
	 *
	 * @param communityCode territory code of a community (or any node) to narrow to
	 * @param risk only this risk level
	 */
	public ElderPage search(String communityCode, RiskLevel risk, String namePrefix, int page, int size) {
		Actor actor = CurrentActor.require();
		int p = Math.max(0, page);
		int s = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		MapSqlParameterSource params = new MapSqlParameterSource();
		Optional<String> where = where(actor, communityCode, risk, namePrefix, params);
		if (where.isEmpty()) {
			return new ElderPage(List.of(), p, s, 0);
		}
		Long total = repository.named().queryForObject("SELECT COUNT(*) FROM elder e" + where.get(), params, Long.class);
		params.addValue("limit", s).addValue("offset", (long) p * s);
		List<ElderRow> rows = total == null || total == 0 ? List.of()
				: repository.named().query("SELECT " + ElderRepository.COLUMNS + " FROM elder e" + where.get()
						+ " ORDER BY " + RISK_ORDER + ", e.name, e.id LIMIT :limit OFFSET :offset", params, ElderRepository::map)
					.stream().map(this::row).toList();
		return new ElderPage(rows, p, s, total == null ? 0 : total);
	}

	static final String RISK_ORDER = "CASE e.risk_level WHEN 'VERY_HIGH' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END";

	/** Every matching elder (masked), for the Excel export. */
	public void export(String communityCode, RiskLevel risk, String namePrefix, Consumer<ElderRow> sink) {
		Actor actor = CurrentActor.require();
		MapSqlParameterSource params = new MapSqlParameterSource();
		where(actor, communityCode, risk, namePrefix, params).ifPresent(w -> repository.named()
			.query("SELECT " + ElderRepository.COLUMNS + " FROM elder e" + w + " ORDER BY " + RISK_ORDER + ", e.name, e.id",
					params, rs -> {
						sink.accept(row(ElderRepository.map(rs, 0)));
					}));
	}

	private Optional<String> where(Actor actor, String communityCode, RiskLevel risk, String namePrefix,
			MapSqlParameterSource params) {
		Scope scope = scope(actor);
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE'");
		scope.apply(where, params);
		if (communityCode != null && !communityCode.isBlank()) {
			Optional<TerritoryNode> node = territories.lookupByCode(communityCode.strip());
			if (node.isEmpty()) {
				return Optional.empty();
			}
			where.append(" AND e.territory_path LIKE :subtree");
			params.addValue("subtree", node.get().path() + "%");
		}
		if (risk != null) {
			where.append(" AND e.risk_level = :risk");
			params.addValue("risk", risk.name());
		}
		if (namePrefix != null && !namePrefix.isBlank()) {
			where.append(" AND e.name LIKE :name ESCAPE '!'");
			params.addValue("name", namePrefix.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		}
		return Optional.of(where.toString());
	}

	private ElderRow row(ElderRepository.Stored e) {
		LocalDate today = ElderProfiles.today();
		return new ElderRow(e.id(), e.name(), e.communityCode(), ElderRegister.age(e.birthDate()),
				e.livingSituation() == LivingSituation.ALONE, e.riskLevel(), e.livingSituation(), e.abilityLevel(),
				e.nextVisitDue(), e.nextVisitDue() != null && e.nextVisitDue().isBefore(today), e.addressLabel());
	}

	// ------------------------------------------------------------------ one elder

	/** One elder's profile, masked (no health data, phones masked). */
	public ElderView find(long elderId) {
		Actor actor = CurrentActor.require();
		return view(load(actor, elderId));
	}

	private ElderView view(ElderRepository.Stored e) {
		LocalDate today = ElderProfiles.today();
		List<ContactRow> contacts = repository.contacts(e.id()).stream()
			.map(c -> new ContactRow(c.priority(), c.name(), c.relation(), c.phoneMasked())).toList();
		List<CarerRow> circle = repository.carers(e.id()).stream()
			.map(c -> new CarerRow(c.role().name(), c.username(), c.displayName())).toList();
		List<DeviceRow> devices = repository.devices(e.id()).stream()
			.map(d -> new DeviceRow(d.id(), d.deviceId(), d.kind(), d.registeredAt())).toList();
		boolean health = e.conditionsCipher() != null || e.medicinesCipher() != null || e.allergiesCipher() != null
				|| e.doorAccessCipher() != null;
		return new ElderView(e.id(), e.residentId(), e.name(), e.gender(), e.birthDate(), ElderRegister.age(e.birthDate()),
				e.communityCode(), e.addressLabel(), e.livingSituation(), e.livingSituation() == LivingSituation.ALONE,
				e.mobility(), e.abilityLevel(), e.riskLevel(), e.lastAssessedOn(), e.reassessmentDue(),
				e.reassessmentDue() != null && !e.reassessmentDue().isAfter(today), e.lastVisitAt(), e.nextVisitDue(),
				e.nextVisitDue() != null && e.nextVisitDue().isBefore(today), health, e.status(), contacts, circle, devices);
	}

	/**
	 * The health data and door-access notes, for staff in the jurisdiction and the care circle; audited.
	 *
	 * @param purpose why (required)
	 */
	@Transactional
	public Health revealHealth(long elderId, String purpose) {
		Actor actor = CurrentActor.require();
		if (actor.isApiKey()) {
			throw new ForbiddenException("API keys never see health data");
		}
		ElderRepository.Stored e = load(actor, elderId);
		String why = purpose(purpose);
		Health health = new Health(e.id(), register.list(e.conditionsCipher()), register.list(e.medicinesCipher()),
				register.list(e.allergiesCipher()), cipher.decrypt(e.doorAccessCipher()));
		events.publishEvent(new ElderCareDataViewed(e.id(), e.territoryPath(), actor.name(), "HEALTH", why, Instant.now()));
		return health;
	}

	public List<AssessmentView> assessments(long elderId) {
		load(CurrentActor.require(), elderId);
		return repository.assessments(elderId).stream()
			.map(a -> new AssessmentView(a.id(), a.assessedOn(), a.assessedBy(),
					java.util.Arrays.stream(a.scores()).boxed().toList(), a.selfCare(), a.basicMotor(), a.mentalState(),
					a.perceptionSocial(), a.total(), a.baseLevel(), a.dementia(), a.mentalDisorder(), a.riskEvents(),
					a.finalLevel(), a.note()))
			.toList();
	}

	public List<VisitView> visits(long elderId) {
		load(CurrentActor.require(), elderId);
		return repository.visits(elderId).stream()
			.map(v -> new VisitView(v.id(), v.visitedAt(), v.visitor(), v.visitorName(), v.kind(), v.findings(),
					v.followUp(), v.hasPhoto()))
			.toList();
	}

	public List<RiskEventView> riskEvents(long elderId) {
		load(CurrentActor.require(), elderId);
		return repository.riskEvents(elderId).stream()
			.map(r -> new RiskEventView(r.id(), r.kind(), r.occurredOn(), r.note(), r.recordedBy())).toList();
	}

	/** A visit photo, with the same visibility as the elder. */
	public PhotoUpload visitPhoto(long visitId) {
		Actor actor = CurrentActor.require();
		ElderRepository.Photo photo = repository.visitPhoto(visitId)
			.orElseThrow(() -> new NotFoundException("No photo for visit " + visitId));
		load(actor, photo.elderId());
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}

	// ------------------------------------------------------------------ writes

	/** Creates the care profile of a resident the worker may see who has reached the elderly age. */
	@Transactional
	public ElderView createProfile(Long residentId) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		if (residentId == null) {
			throw fieldError("residentId", "eldercare.error.residentId.required", "A resident is required");
		}
		ResidentView r;
		try {
			r = residents.find(residentId);
		}
		catch (NotFoundException e) {
			throw fieldError("residentId", "eldercare.error.residentId.unknown", "Unknown resident or outside your jurisdiction");
		}
		if (repository.findByResident(r.id()).filter(ElderRepository.Stored::active).isPresent()) {
			throw new ConflictException("This resident already has a care profile");
		}
		if (!profiles.oldEnough(r.birthDate())) {
			throw fieldError("residentId", "eldercare.error.residentId.tooYoung", "The resident is younger than the elderly age");
		}
		long id = profiles.sync(r, actor.name()).orElseThrow(() -> new ConflictException("The resident is not active"));
		return view(repository.find(id).orElseThrow());
	}

	/** Changes living situation, mobility, health data and door-access notes (encrypted); a change in condition. */
	@Transactional
	public ElderView updateCare(long elderId, UpdateCare cmd) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ElderRepository.Stored e = load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		if (cmd == null || cmd.livingSituation() == null) {
			errors.add(error("livingSituation", "eldercare.error.livingSituation.required", "Living situation is required"));
		}
		if (cmd == null || cmd.mobility() == null) {
			errors.add(error("mobility", "eldercare.error.mobility.required", "Mobility is required"));
		}
		if (cmd != null) {
			checkList("conditions", cmd.conditions(), errors);
			checkList("medicines", cmd.medicines(), errors);
			checkList("allergies", cmd.allergies(), errors);
			if (cmd.doorAccessNotes() != null && cmd.doorAccessNotes().strip().length() > 500) {
				errors.add(error("doorAccessNotes", "eldercare.error.text.length", "Too long"));
			}
		}
		failIfAny(errors);
		OffsetDateTime now = now();
		String door = cmd.doorAccessNotes() == null || cmd.doorAccessNotes().isBlank() ? null
				: cipher.encrypt(cmd.doorAccessNotes().strip());
		boolean conditionChanged = !register.list(e.conditionsCipher()).equals(clean(cmd.conditions()))
				|| e.mobility() != cmd.mobility();
		repository.updateCare(elderId, cmd.livingSituation(), cmd.mobility(), register.seal(cmd.conditions()),
				register.seal(cmd.medicines()), register.seal(cmd.allergies()), door, actor.name(), now);
		if (conditionChanged && e.lastAssessedOn() != null) {
			repository.setReassessmentDue(elderId, ElderProfiles.today());
		}
		profiles.recompute(elderId);
		return view(repository.find(elderId).orElseThrow());
	}

	/** Replaces the emergency contacts, in priority order (phones encrypted, masked copy kept). */
	@Transactional
	public ElderView replaceContacts(long elderId, List<ContactDraft> contacts) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		List<ElderRepository.StoredContact> stored = new ArrayList<>();
		List<ContactDraft> list = contacts == null ? List.of() : contacts;
		if (list.size() > 10) {
			errors.add(error("contacts", "eldercare.error.contacts.tooMany", "At most 10 contacts"));
		}
		for (int i = 0; i < list.size() && i < 10; i++) {
			ContactDraft c = list.get(i);
			String prefix = "contacts[" + i + "].";
			if (c == null || c.name() == null || c.name().isBlank() || c.name().strip().length() > 50) {
				errors.add(error(prefix + "name", "eldercare.error.contact.name", "A name of at most 50 characters is required"));
			}
			if (c == null || c.relation() == null || c.relation().isBlank() || c.relation().strip().length() > 30) {
				errors.add(error(prefix + "relation", "eldercare.error.contact.relation", "A relation is required"));
			}
			String phone = c == null || c.phone() == null ? "" : c.phone().replaceAll("[\\s]", "");
			if (!PHONE.matcher(phone).matches()) {
				errors.add(error(prefix + "phone", "eldercare.error.contact.phone", "A mainland mobile or landline number is required"));
			}
			if (c != null && c.name() != null && c.relation() != null && PHONE.matcher(phone).matches()) {
				stored.add(new ElderRepository.StoredContact(0, i + 1, c.name().strip(), c.relation().strip(),
						cipher.encrypt(phone), Masking.phone(phone), null));
			}
		}
		failIfAny(errors);
		repository.replaceContacts(elderId, stored);
		return view(repository.find(elderId).orElseThrow());
	}

	@Transactional
	public ElderView addDevice(long elderId, AddDevice cmd) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		String deviceId = cmd == null || cmd.deviceId() == null ? "" : cmd.deviceId().strip();
		if (!DEVICE_ID.matcher(deviceId).matches()) {
			errors.add(error("deviceId", "eldercare.error.deviceId.format", "3-64 letters, digits, '.', '_', ':' or '-'"));
		}
		else if (repository.deviceExists(deviceId)) {
			errors.add(error("deviceId", "eldercare.error.deviceId.taken", "This device is already registered"));
		}
		if (cmd == null || cmd.kind() == null) {
			errors.add(error("kind", "eldercare.error.kind.required", "The kind of device is required"));
		}
		failIfAny(errors);
		repository.insertDevice(elderId, deviceId, cmd.kind(), actor.name(), now());
		return view(repository.find(elderId).orElseThrow());
	}

	@Transactional
	public ElderView removeDevice(long elderId, long deviceRowId) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		load(actor, elderId);
		if (!repository.deleteDevice(elderId, deviceRowId)) {
			throw new NotFoundException("No such device");
		}
		return view(repository.find(elderId).orElseThrow());
	}

	/**
	 * Assigns a care-circle account: a community worker or grid worker must hold that role and be bound to a node
	 * covering the elder; a buddy must be a volunteer or staff account covering the elder's community.
	 */
	@Transactional
	public ElderView assignCarer(long elderId, AssignCarer cmd) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ElderRepository.Stored e = load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		if (cmd == null || cmd.role() == null) {
			errors.add(error("role", "eldercare.error.role.required", "A role is required"));
		}
		Optional<AccountManagement.AccountReference> account = cmd == null || cmd.username() == null ? Optional.empty()
				: accounts.lookup(cmd.username());
		if (account.isEmpty()) {
			errors.add(error("username", "eldercare.error.username.unknown", "Unknown account"));
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
				errors.add(error("username", "eldercare.error.username.role", "This account cannot take this role for this elder"));
			}
		}
		failIfAny(errors);
		AccountManagement.AccountReference a = account.get();
		repository.assignCarer(elderId, new ElderRepository.Carer(cmd.role(), accounts.lookupId(a.username()).orElse(null),
				a.username(), a.displayName()), actor.name(), now());
		return view(repository.find(elderId).orElseThrow());
	}

	private String communityPath(ElderRepository.Stored e) {
		return territories.lookup(e.communityId()).map(TerritoryNode::path).orElse(e.territoryPath());
	}

	@Transactional
	public ElderView removeCarer(long elderId, CarerRole role) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		load(actor, elderId);
		repository.removeCarer(elderId, role);
		return view(repository.find(elderId).orElseThrow());
	}

	/** Records a care-risk event or change in condition: a reassessment becomes due now. */
	@Transactional
	public List<RiskEventView> recordRiskEvent(long elderId, RecordRiskEvent cmd) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ElderRepository.Stored e = load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		LocalDate today = ElderProfiles.today();
		if (cmd == null || cmd.kind() == null) {
			errors.add(error("kind", "eldercare.error.kind.required", "The kind is required"));
		}
		LocalDate on = cmd == null || cmd.occurredOn() == null ? today : cmd.occurredOn();
		if (on.isAfter(today)) {
			errors.add(error("occurredOn", "eldercare.error.date.future", "The date cannot be in the future"));
		}
		String note = text(cmd == null ? null : cmd.note(), "note", 500, false, errors);
		failIfAny(errors);
		repository.insertRiskEvent(elderId, cmd.kind(), on, note, actor.name(), now());
		if (e.lastAssessedOn() != null) {
			repository.setReassessmentDue(elderId, today);
		}
		return riskEvents(elderId);
	}

	/**
	 * Records a GB/T 42195-2022 assessment: scores the 26 items, applies the upgrade rules (diagnoses given here,
	 * care-risk events recorded in the 30 days before), stores it, and updates the elder's level, risk, next
	 * reassessment (6 months) and visit plan.
	 */
	@Transactional
	public AssessmentView recordAssessment(long elderId, RecordAssessment cmd) {
		Actor actor = CurrentActor.require();
		requireWriter(actor);
		ElderRepository.Stored e = load(actor, elderId);
		List<Map<String, String>> errors = new ArrayList<>();
		LocalDate today = ElderProfiles.today();
		int[] scores = new int[CareRules.ITEM_COUNT];
		if (cmd == null || cmd.scores() == null || cmd.scores().size() != CareRules.ITEM_COUNT) {
			errors.add(error("scores", "eldercare.error.scores.count", "All 26 item scores are required"));
		}
		else {
			for (int i = 0; i < CareRules.ITEM_COUNT; i++) {
				Integer v = cmd.scores().get(i);
				CareRules.Item item = CareRules.ITEMS.get(i);
				if (v == null || v < 0 || v > item.max()) {
					errors.add(error("scores[" + i + "]", "eldercare.error.score.range",
							"Score 0.." + item.max() + " required", item.max()));
				}
				else {
					scores[i] = v;
				}
			}
		}
		LocalDate on = cmd == null || cmd.assessedOn() == null ? today : cmd.assessedOn();
		if (on.isAfter(today)) {
			errors.add(error("assessedOn", "eldercare.error.date.future", "The date cannot be in the future"));
		}
		String note = text(cmd == null ? null : cmd.note(), "note", 500, false, errors);
		failIfAny(errors);
		boolean dementia = Boolean.TRUE.equals(cmd.dementia());
		boolean mental = Boolean.TRUE.equals(cmd.mentalDisorder());
		int events = (int) repository.riskEvents(elderId).stream()
			.filter(r -> r.kind().careRisk() && CareRules.inRiskWindow(r.occurredOn(), on)).count();
		CareRules.Result result = CareRules.assess(scores, dementia, mental, events);
		long id = repository.insertAssessment(elderId, on, actor.name(), scores, result, dementia, mental, events, note, now());
		LocalDate latest = e.lastAssessedOn() == null || !on.isBefore(e.lastAssessedOn()) ? on : e.lastAssessedOn();
		if (latest.equals(on)) {
			int age = ElderRegister.age(e.birthDate());
			boolean alone = e.livingSituation() == LivingSituation.ALONE;
			repository.updateDerived(elderId, result.finalLevel(), CareRules.risk(result.finalLevel(), alone, age, 0), on,
					CareRules.reassessmentDue(on), e.nextVisitDue());
			profiles.recompute(elderId);
		}
		return assessments(elderId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** Care-risk events recorded for an elder the caller may see in the 30 days before {@code on} (for the form's preview). */
	int riskEventsBefore(long elderId, LocalDate on) {
		load(CurrentActor.require(), elderId);
		return (int) repository.riskEvents(elderId).stream()
			.filter(r -> r.kind().careRisk() && CareRules.inRiskWindow(r.occurredOn(), on)).count();
	}

	/**
	 * Records a visit or phone check-in by a worker or the elder's buddy; the next visit is due by the visit plan
	 * from this one. A birthday visit closes the open birthday task.
	 */
	@Transactional
	public VisitView recordVisit(long elderId, RecordVisit cmd, PhotoUpload photo) {
		Actor actor = CurrentActor.require();
		ElderRepository.Stored e = load(actor, elderId);
		boolean buddy = repository.carers(elderId).stream().anyMatch(c -> c.username().equals(actor.name()));
		boolean asBuddy = repository.carers(elderId).stream()
			.anyMatch(c -> c.username().equals(actor.name()) && c.role() == CarerRole.BUDDY);
		if (!canWrite(actor) && !buddy) {
			throw new ForbiddenException("Only workers and the elder's care circle record visits");
		}
		List<Map<String, String>> errors = new ArrayList<>();
		if (cmd == null || cmd.kind() == null) {
			errors.add(error("kind", "eldercare.error.kind.required", "The kind of visit is required"));
		}
		Instant at = cmd == null || cmd.visitedAt() == null ? Instant.now() : cmd.visitedAt();
		if (at.isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
			errors.add(error("visitedAt", "eldercare.error.date.future", "The date cannot be in the future"));
		}
		String findings = text(cmd == null ? null : cmd.findings(), "findings", FINDINGS_MAX, true, errors);
		if (photo != null && photo.bytes() != null && photo.bytes().length > 0) {
			if (photo.bytes().length > PHOTO_MAX_BYTES) {
				errors.add(error("photo", "eldercare.error.photo.size", "The photo is too large"));
			}
			else if (!"image/jpeg".equals(photo.contentType()) && !"image/png".equals(photo.contentType())) {
				errors.add(error("photo", "eldercare.error.photo.type", "JPEG or PNG only"));
			}
		}
		failIfAny(errors);
		boolean withPhoto = photo != null && photo.bytes() != null && photo.bytes().length > 0;
		OffsetDateTime visitedAt = at.atOffset(ZoneOffset.UTC);
		long id = repository.insertVisit(elderId, visitedAt, actor.name(), displayName(actor), cmd.kind(), findings,
				Boolean.TRUE.equals(cmd.followUp()), withPhoto ? photo.contentType() : null, withPhoto ? photo.bytes() : null,
				now());
		if (e.lastVisitAt() == null || !at.isBefore(e.lastVisitAt())) {
			LocalDate day = at.atZone(ElderRegister.ZONE).toLocalDate();
			repository.updateVisited(elderId, visitedAt, profiles.plan().nextDue(day,
					e.livingSituation() == LivingSituation.ALONE, ElderRegister.age(e.birthDate()), e.abilityLevel()));
		}
		if (cmd.kind() == VisitKind.BIRTHDAY_VISIT) {
			repository.openTasks(elderId, CareTasks.BIRTHDAY_VISIT).forEach(t -> repository.closeTask(t.id(), id));
		}
		events.publishEvent(new VisitRecorded(id, elderId, e.communityId(), e.territoryPath(), actor.name(),
				displayName(actor), cmd.kind(), asBuddy, at));
		return visits(elderId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
	}

	private String displayName(Actor actor) {
		return actor.accountId() == null ? actor.name()
				: accounts.lookup(actor.name()).map(AccountManagement.AccountReference::displayName).orElse(actor.name());
	}

	// ------------------------------------------------------------------ overdue visits and birthdays

	/**
	 * Elders whose next visit is overdue, most overdue first: in the caller's jurisdiction, or with {@code mine}
	 * only those whose care circle includes the caller (a buddy always sees only their own).
	 */
	public List<OverdueVisit> overdueVisits(boolean mine) {
		Actor actor = CurrentActor.require();
		Scope scope = scope(actor);
		MapSqlParameterSource params = new MapSqlParameterSource("today", ElderProfiles.today());
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE' AND e.next_visit_due < :today");
		scope.apply(where, params);
		if (mine && scope.pathPattern() != null) {
			where.append(" AND e.id IN (SELECT c.elder_id FROM elder_carer c WHERE c.username = :me)");
			params.addValue("me", actor.name());
		}
		LocalDate today = ElderProfiles.today();
		return repository.named()
			.query("SELECT " + ElderRepository.COLUMNS + " FROM elder e" + where + " ORDER BY e.next_visit_due, e.name LIMIT 500",
					params, ElderRepository::map)
			.stream()
			.map(e -> new OverdueVisit(e.id(), e.name(), e.communityCode(), e.addressLabel(), e.riskLevel(),
					e.livingSituation(), e.nextVisitDue(), ChronoUnit.DAYS.between(e.nextVisitDue(), today)))
			.toList();
	}

	/** Birthdays in the next {@code days} days (7 or 30), soonest first, with whether a birthday task is open. */
	public List<UpcomingBirthday> upcomingBirthdays(Integer days) {
		Actor actor = CurrentActor.require();
		Scope scope = scope(actor);
		if (days == null || (days != 7 && days != 30)) {
			throw fieldError("days", "eldercare.error.days", "days must be 7 or 30");
		}
		LocalDate today = ElderProfiles.today();
		LocalDate until = today.plusDays(days);
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" WHERE e.status = 'ACTIVE' AND EXTRACT(MONTH FROM e.birth_date) IN (:months)");
		params.addValue("months", new java.util.HashSet<>(List.of(today.getMonthValue(), today.plusDays(days / 2).getMonthValue(), until.getMonthValue())));
		scope.apply(where, params);
		List<UpcomingBirthday> list = new ArrayList<>();
		for (ElderRepository.Stored e : repository.named().query("SELECT " + ElderRepository.COLUMNS + " FROM elder e" + where,
				params, ElderRepository::map)) {
			LocalDate next = CareRules.nextBirthday(e.birthDate(), today);
			if (!next.isAfter(until)) {
				boolean open = repository.openTasks(e.id(), CareTasks.BIRTHDAY_VISIT).stream()
					.anyMatch(t -> t.taskYear() == next.getYear());
				list.add(new UpcomingBirthday(e.id(), e.name(), e.communityCode(), e.addressLabel(), next,
						next.getYear() - e.birthDate().getYear(), ChronoUnit.DAYS.between(today, next), open));
			}
		}
		list.sort(java.util.Comparator.comparing(UpcomingBirthday::birthday).thenComparing(UpcomingBirthday::name));
		return list;
	}

	// ------------------------------------------------------------------ helpers

	private String purpose(String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw fieldError("purpose", "eldercare.error.purpose.required", "A purpose is required");
		}
		if (purpose.strip().length() > 200) {
			throw fieldError("purpose", "eldercare.error.text.length", "Too long");
		}
		return purpose.strip();
	}

	private String text(String value, String field, int max, boolean required, List<Map<String, String>> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(error(field, "eldercare.error." + field + ".required", field + " is required"));
			}
			return null;
		}
		if (value.strip().length() > max) {
			errors.add(error(field, "eldercare.error.text.length", "Too long"));
		}
		return value.strip();
	}

	private void checkList(String field, List<String> items, List<Map<String, String>> errors) {
		if (items != null && (items.size() > 30 || items.stream().anyMatch(s -> s != null && s.strip().length() > 100))) {
			errors.add(error(field, "eldercare.error.list.length", "At most 30 entries of 100 characters"));
		}
	}

	private static List<String> clean(List<String> items) {
		return items == null ? List.of() : items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
	}

	private Map<String, String> error(String field, String code, String defaultMessage, Object... args) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("field", field);
		m.put("code", code);
		m.put("message", messages.getMessage(code, args, defaultMessage, LocaleContextHolder.getLocale()));
		return m;
	}

	private void failIfAny(List<Map<String, String>> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(
					messages.getMessage("eldercare.error.invalid", null, "Invalid input", LocaleContextHolder.getLocale()),
					errors);
		}
	}

	private ValidationFailedException fieldError(String field, String code, String defaultMessage) {
		return new ValidationFailedException(defaultMessage, List.of(error(field, code, defaultMessage)));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}
}

package org.jinlin.demands.internal;

import org.jinlin.demands.DemandClosed;
import org.jinlin.demands.DemandContactViewed;
import org.jinlin.demands.DemandDispatched;
import org.jinlin.demands.DemandEscalated;
import org.jinlin.demands.DemandRaised;
import org.jinlin.demands.DemandRated;
import org.jinlin.demands.DemandResolved;
import org.jinlin.demands.DemandSignedFor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.HandlingLevel;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.RaiseChannel;
import org.jinlin.demands.Rating;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jinlin.accounts.AccountManagement;
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
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demand desk: every command of the closed loop and the jurisdiction-scoped queries. Each command
 * checks who may do it (403), whether the demand is visible to the caller (404 otherwise), and moves the
 * demand with a conditional update that only succeeds from the expected status (409 otherwise), so two
 * workers signing for the same demand at once cannot both win.
 */
@Service
@Transactional
public class DemandDesk {

	public static final int DESCRIPTION_MAX = 4000;

	public static final int NOTE_MAX = 2000;

	public static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

	public static final int PHOTOS_MAX = 6;

	/** Similar open demands: same category, within this distance and this many days. */
	public static final double SIMILAR_METRES = 300;

	public static final int SIMILAR_DAYS = 30;

	public static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

	private static final Set<DemandStatus> ACTIVE = EnumSet.of(DemandStatus.DISPATCHED, DemandStatus.IN_PROGRESS);

	private final DemandRepository repository;

	private final DemandCategories categories;

	private final DemandLocator locator;

	private final DemandDeadlines deadlines;

	private final DemandTimers timers;

	private final DemandNotifications notifications;

	private final Territories territories;

	private final AccountManagement accounts;

	private final ResidentRegister residents;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final FieldErrors errors;

	private final JdbcClient jdbc;

	DemandDesk(DemandRepository repository, DemandCategories categories, DemandLocator locator,
			DemandDeadlines deadlines, DemandTimers timers, DemandNotifications notifications, Territories territories,
			AccountManagement accounts, ResidentRegister residents, PersonalDataCipher cipher,
			ApplicationEventPublisher events, FieldErrors errors, JdbcClient jdbc) {
		this.repository = repository;
		this.categories = categories;
		this.locator = locator;
		this.deadlines = deadlines;
		this.timers = timers;
		this.notifications = notifications;
		this.territories = territories;
		this.accounts = accounts;
		this.residents = residents;
		this.cipher = cipher;
		this.events = events;
		this.errors = errors;
		this.jdbc = jdbc;
	}

	// ================================================================== raise (说事)

	public DemandView raise(RaiseDemand cmd) {
		return raise(cmd, List.of());
	}

	/**
	 * Raises a demand and dispatches it by the category's rule. A resident raises for herself in the app;
	 * staff raise on a resident's behalf after a call or a visit (channel required); an Open311 key raises
	 * for a caller identified only by masked contact details.
	 */
	public DemandView raise(RaiseDemand cmd, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		List<FieldErrors.FieldError> problems = new ArrayList<>();
		RaiseChannel channel = channel(actor, cmd.channel(), problems);
		Optional<DemandCategory> category = categories.findByCode(cmd.categoryCode()).filter(DemandCategory::active);
		if (category.isEmpty()) {
			problems.add(new FieldErrors.FieldError("categoryCode", "demands.category.unknown"));
		}
		String description = cmd.description() == null ? "" : cmd.description().strip();
		if (description.isEmpty()) {
			problems.add(new FieldErrors.FieldError("description", "demands.description.required"));
		}
		else if (description.length() > DESCRIPTION_MAX) {
			problems.add(new FieldErrors.FieldError("description", "demands.description.too-long", DESCRIPTION_MAX));
		}
		String phone = cmd.contactPhone() == null ? null : cmd.contactPhone().replaceAll("[\\s-]", "");
		if (phone != null && !phone.isEmpty() && !phone.matches("\\+?[0-9]{7,15}")) {
			problems.add(new FieldErrors.FieldError("contactPhone", "demands.contact.phone.invalid"));
		}
		if (cmd.contactName() != null && cmd.contactName().strip().length() > 50) {
			problems.add(new FieldErrors.FieldError("contactName", "demands.contact.name.too-long"));
		}
		checkPhotos(photos, problems);

		// The resident: the caller herself, or the one staff raise for.
		Long residentId = null;
		ResidentView resident = null;
		if (actor.isStaff() && !actor.isApiKey()) {
			residentId = cmd.residentId();
		}
		else if (!actor.isApiKey()) {
			residentId = actor.residentId();
		}
		if (residentId != null) {
			try {
				resident = residents.find(residentId);
			}
			catch (NotFoundException e) {
				if (actor.isStaff()) {
					problems.add(new FieldErrors.FieldError("residentId", "demands.resident.unknown"));
				}
				residentId = null;
			}
		}
		errors.failIfAny(problems);

		Long nodeId = cmd.locationNodeId();
		if (nodeId == null && cmd.latitude() == null && resident != null) {
			nodeId = resident.buildingId();
		}
		DemandLocator.Location location = locator.locate(nodeId, cmd.latitude(), cmd.longitude(), cmd.addressLabel());
		if ((actor.isStaff() || actor.isApiKey()) && !actor.covers(location.path())) {
			throw errors.invalid("location", "demands.location.outside-jurisdiction");
		}
		DemandCategory cat = category.get();
		Map<String, String> answers = categories.checkAnswers(cat, cmd.answers());

		String raiserName = resident != null ? resident.name() : blankToNull(cmd.contactName());
		String contactPhone = phone == null || phone.isEmpty() ? null : phone;
		Instant now = Instant.now();
		long id = repository.insert(new DemandRepository.NewDemand(UUID.randomUUID().toString(), cat.id(), description,
				DemandStatus.DISPATCHED, cat.urgency(), channel, location.nodeId(), location.path(), location.gridId(),
				location.communityId(), location.streetId(), location.districtId(), location.label(), location.latitude(),
				location.longitude(), residentId, actor.name(), raiserName == null ? null : Masking.name(raiserName),
				contactPhone == null ? null : Masking.phone(contactPhone),
				contactPhone == null ? null : cipher.encrypt(contactPhone), Boolean.TRUE.equals(cmd.showNamePublicly()), now));
		jdbc.sql("UPDATE demand SET public_place = ? WHERE id = ?").params(publicPlace(location), id).update();
		repository.insertAttributes(id, answers);
		for (PhotoUpload p : photos == null ? List.<PhotoUpload>of() : photos) {
			repository.addPhoto(id, "BEFORE", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.RAISED, actor.name(), null, DemandStatus.DISPATCHED, null,
				channel.onBehalf() ? channel.name() : null, null);
		events.publishEvent(new DemandRaised(id, cat.code(), location.path(), location.communityId(), channel, residentId, now));
		DemandView raised = repository.find(id).orElseThrow();
		route(raised, defaultTarget(cat, raised), actor.name(), StepKind.DISPATCHED, null, EnumSet.of(DemandStatus.DISPATCHED));
		return repository.find(id).orElseThrow();
	}

	private RaiseChannel channel(Actor actor, RaiseChannel requested, List<FieldErrors.FieldError> problems) {
		if (actor.isApiKey()) {
			return RaiseChannel.OPEN311;
		}
		if (actor.isStaff()) {
			if (requested == null || !requested.onBehalf()) {
				problems.add(new FieldErrors.FieldError("channel", "demands.channel.on-behalf"));
				return RaiseChannel.PHONE_CALL;
			}
			return requested;
		}
		return RaiseChannel.APP;
	}

	private void checkPhotos(List<PhotoUpload> photos, List<FieldErrors.FieldError> problems) {
		if (photos == null) {
			return;
		}
		if (photos.size() > PHOTOS_MAX) {
			problems.add(new FieldErrors.FieldError("photos", "demands.photo.too-many", PHOTOS_MAX));
		}
		for (PhotoUpload p : photos) {
			if (p.contentType() == null || !PHOTO_TYPES.contains(p.contentType())) {
				problems.add(new FieldErrors.FieldError("photos", "demands.photo.type"));
			}
			else if (p.bytes() == null || p.bytes().length == 0 || p.bytes().length > PHOTO_MAX_BYTES) {
				problems.add(new FieldErrors.FieldError("photos", "demands.photo.size", PHOTO_MAX_BYTES / 1024 / 1024));
			}
		}
	}

	private static String publicPlace(DemandLocator.Location location) {
		TerritoryNode compound = location.at(TerritoryLevel.COMPOUND);
		TerritoryNode grid = location.at(TerritoryLevel.GRID);
		TerritoryNode community = location.at(TerritoryLevel.COMMUNITY);
		String place = compound != null ? compound.name() : grid != null ? grid.name() : "";
		return (community.name() + " " + place).strip();
	}

	/**
	 * Open demands of the same category near a point, raised in the last {@value #SIMILAR_DAYS} days: shown
	 * while raising, so a resident can support an existing demand instead of raising a duplicate.
	 */
	@Transactional(readOnly = true)
	public List<PublicDemand> similar(String categoryCode, Long locationNodeId, Double latitude, Double longitude) {
		Optional<DemandCategory> category = categories.findByCode(categoryCode);
		if (category.isEmpty()) {
			return List.of();
		}
		Double lat = latitude;
		Double lon = longitude;
		if ((lat == null || lon == null) && locationNodeId != null) {
			Optional<TerritoryNode> node = territories.lookup(locationNodeId);
			lat = node.map(TerritoryNode::latitude).orElse(null);
			lon = node.map(TerritoryNode::longitude).orElse(null);
		}
		if (lat == null || lon == null) {
			return List.of();
		}
		double fLat = lat;
		double fLon = lon;
		List<DemandView> candidates = repository.query("""
				WHERE d.category_id = :category AND d.raised_at >= :since
				  AND d.status IN ('DELIBERATING','DISPATCHED','RETURNED','IN_PROGRESS')
				  AND d.latitude BETWEEN :latMin AND :latMax AND d.longitude BETWEEN :lonMin AND :lonMax""",
				Map.of("category", category.get().id(), "since",
						DemandRepository.ts(Instant.now().minus(java.time.Duration.ofDays(SIMILAR_DAYS))), "latMin",
						lat - 0.01, "latMax", lat + 0.01, "lonMin", lon - 0.01, "lonMax", lon + 0.01),
				"d.raised_at DESC", 0, 50);
		return candidates.stream()
			.filter(d -> d.latitude() != null
					&& Territories.metres(fLat, fLon, d.latitude(), d.longitude()) <= SIMILAR_METRES)
			.limit(5).map(d -> publicView(d, false)).toList();
	}

	// ================================================================== dispatch and handle (理事)

	/** A handling unit as resolved from a rule or a dispatcher's choice. */
	record Target(HandlingLevel level, long nodeId, Long departmentId, String path, String name, String assignee) {
	}

	Target defaultTarget(DemandCategory category, DemandView d) {
		return switch (category.handlingLevel()) {
			case GRID -> d.gridId() != null ? nodeTarget(HandlingLevel.GRID, d.gridId())
					: nodeTarget(HandlingLevel.COMMUNITY, d.communityId());
			case COMMUNITY -> nodeTarget(HandlingLevel.COMMUNITY, d.communityId());
			case STREET -> nodeTarget(HandlingLevel.STREET, d.streetId());
			case DISTRICT -> nodeTarget(HandlingLevel.DISTRICT, d.districtId());
			case DEPARTMENT -> categories.department(category.departmentId())
				.map(dep -> new Target(HandlingLevel.DEPARTMENT, dep.territoryId(), dep.id(), dep.territoryPath(), dep.name(), null))
				.orElseGet(() -> nodeTarget(HandlingLevel.DISTRICT, d.districtId()));
		};
	}

	private Target nodeTarget(HandlingLevel level, long nodeId) {
		TerritoryNode node = territories.lookup(nodeId).orElseThrow();
		return new Target(level, node.id(), null, node.path(), node.name(), null);
	}

	private static HandlingLevel levelOf(TerritoryNode node) {
		return switch (node.level()) {
			case GRID -> HandlingLevel.GRID;
			case COMMUNITY -> HandlingLevel.COMMUNITY;
			case STREET -> HandlingLevel.STREET;
			default -> HandlingLevel.DISTRICT;
		};
	}

	/** Sends a demand to a unit with a fresh sign-for deadline. */
	private void route(DemandView d, Target t, String by, StepKind kind, String note, Set<DemandStatus> from) {
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		int seq = repository.deadlineSeq(d.id());
		Instant now = Instant.now();
		Instant signDue = deadlines.due(now, category.signDeadline(), category.signDeadlineUnit());
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.DISPATCHED);
		set.put("handler_level", t.level());
		set.put("handler_node_id", t.nodeId());
		set.put("handler_department_id", t.departmentId());
		set.put("handler_path", t.path());
		set.put("handler_name", t.name());
		set.put("assignee", t.assignee());
		set.put("sign_due_at", signDue);
		set.put("handle_due_at", null);
		set.put("signed_at", null);
		set.put("deadline_seq", seq + 1);
		set.put("dispatched_at", now);
		if (!repository.update(d.id(), from, seq, set)) {
			throw conflict(d.id());
		}
		repository.addStep(d.id(), kind, by, d.status(), DemandStatus.DISPATCHED, null, note, t.name());
		timers.deadline(d.id(), seq + 1, "SIGN", signDue);
		if (t.assignee() != null) {
			notifications.toAccount(t.assignee(), d.id(), NotificationKind.NEW_IN_QUEUE);
		}
		else {
			notifications.toNode(t.nodeId(), d.id(), NotificationKind.NEW_IN_QUEUE);
		}
		events.publishEvent(new DemandDispatched(d.id(), d.territoryPath(), t.level(), t.nodeId(), t.departmentId(),
				t.assignee(), now));
	}

	/** A dispatcher sends a demand to another unit or person (also to settle a return). */
	public DemandView dispatch(long id, DispatchTarget target, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireDispatcher(actor, d);
		Target t = resolve(actor, d, target);
		route(d, t, actor.name(), StepKind.DISPATCHED, trim(note, "note"),
				EnumSet.of(DemandStatus.DISPATCHED, DemandStatus.RETURNED, DemandStatus.IN_PROGRESS));
		return repository.find(id).orElseThrow();
	}

	private Target resolve(Actor actor, DemandView d, DispatchTarget target) {
		int given = (blankToNull(target.territoryCode()) != null ? 1 : 0)
				+ (blankToNull(target.departmentCode()) != null ? 1 : 0) + (blankToNull(target.assignee()) != null ? 1 : 0);
		if (given != 1) {
			throw errors.invalid("target", "demands.dispatch.one-target");
		}
		if (blankToNull(target.territoryCode()) != null) {
			TerritoryNode node = territories.lookupByCode(target.territoryCode().strip())
				.filter(n -> actor.covers(n.path()))
				.filter(n -> n.level().ordinal() >= TerritoryLevel.DISTRICT.ordinal()
						&& n.level().ordinal() <= TerritoryLevel.GRID.ordinal())
				.orElseThrow(() -> errors.invalid("territoryCode", "demands.dispatch.unknown-unit"));
			return new Target(levelOf(node), node.id(), null, node.path(), node.name(), null);
		}
		if (blankToNull(target.departmentCode()) != null) {
			Department dep = categories.departments().stream().filter(x -> x.code().equals(target.departmentCode().strip()))
				.filter(x -> actor.covers(x.territoryPath()) || x.territoryPath().startsWith(actor.territoryPath())
						|| actor.territoryPath().startsWith(x.territoryPath()))
				.findFirst().orElseThrow(() -> errors.invalid("departmentCode", "demands.dispatch.unknown-unit"));
			return new Target(HandlingLevel.DEPARTMENT, dep.territoryId(), dep.id(), dep.territoryPath(), dep.name(), null);
		}
		AccountManagement.AccountReference account = accounts.lookup(target.assignee())
			.filter(a -> actor.covers(a.territoryPath()) || a.territoryPath().startsWith(actor.territoryPath()))
			.orElseThrow(() -> errors.invalid("assignee", "demands.dispatch.unknown-account"));
		TerritoryNode community = territories.lookup(d.communityId()).orElseThrow();
		// The unit stays the community (public); the person is the assignee (never shown publicly).
		return new Target(HandlingLevel.COMMUNITY, community.id(), null, community.path(), community.name(),
				account.username());
	}

	/** The handling unit signs for a demand (签收); only one signer wins. */
	public DemandView signFor(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireHandler(actor, d);
		return sign(actor, d, StepKind.SIGNED_FOR, null);
	}

	private DemandView sign(Actor actor, DemandView d, StepKind kind, Map<String, Object> extra) {
		if (d.status() != DemandStatus.DISPATCHED) {
			throw conflict(d.id());
		}
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		int seq = repository.deadlineSeq(d.id());
		Instant now = Instant.now();
		Instant handleDue = deadlines.due(now, category.handleDeadline(), category.handleDeadlineUnit());
		boolean onTime = d.signDueAt() == null || !now.isAfter(d.signDueAt());
		Map<String, Object> set = new LinkedHashMap<>();
		if (extra != null) {
			set.putAll(extra);
		}
		set.put("status", DemandStatus.IN_PROGRESS);
		set.put("assignee", d.assignee() != null ? d.assignee() : actor.name());
		set.put("signed_at", now);
		// Once late, a demand stays late in the measures, even if an escalation gave it a new deadline.
		set.put("signed_on_time", d.escalationCount() == 0 && onTime);
		set.put("handle_due_at", handleDue);
		set.put("deadline_seq", seq + 1);
		if (!repository.update(d.id(), EnumSet.of(DemandStatus.DISPATCHED), seq, set)) {
			throw conflict(d.id());
		}
		repository.addStep(d.id(), kind, actor.name(), DemandStatus.DISPATCHED, DemandStatus.IN_PROGRESS, null, null,
				(String) set.getOrDefault("handler_name", d.handlerName()));
		timers.deadline(d.id(), seq + 1, "HANDLE", handleDue);
		events.publishEvent(new DemandSignedFor(d.id(), d.territoryPath(), actor.name(), onTime, now));
		return repository.find(d.id()).orElseThrow();
	}

	/** A grid worker claims a demand located in her own grid (front-line handling), and signs for it. */
	public DemandView claim(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		if (!actor.has(Role.GRID_WORKER) || d.gridId() == null || d.gridId() != actor.territoryId()) {
			throw new ForbiddenException("Only the grid worker of the demand's grid may claim it");
		}
		TerritoryNode grid = territories.lookup(d.gridId()).orElseThrow();
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("handler_level", HandlingLevel.GRID);
		extra.put("handler_node_id", grid.id());
		extra.put("handler_department_id", null);
		extra.put("handler_path", grid.path());
		extra.put("handler_name", grid.name());
		extra.put("assignee", actor.name());
		return sign(actor, d, StepKind.CLAIMED, extra);
	}

	/** The handling unit returns a demand it should not have got, with the reason. */
	public DemandView returnToDispatcher(long id, ReturnReason reason, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireHandler(actor, d);
		if (reason == null) {
			throw errors.invalid("reason", "demands.return.reason.required");
		}
		String text = required(note, "note");
		int seq = repository.deadlineSeq(id);
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.RETURNED);
		set.put("deadline_seq", seq + 1);
		move(d, EnumSet.of(DemandStatus.DISPATCHED), seq, set);
		repository.addStep(id, StepKind.RETURNED, actor.name(), d.status(), DemandStatus.RETURNED, null,
				reason.name() + ": " + text, d.handlerName());
		notifications.toNode(dispatcherNode(d), id, NotificationKind.RETURNED);
		return repository.find(id).orElseThrow();
	}

	/** The dispatcher refuses a return: the same unit gets the demand back with a fresh deadline. */
	public DemandView overruleReturn(long id, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireDispatcher(actor, d);
		if (d.status() != DemandStatus.RETURNED) {
			throw conflict(id);
		}
		Target same = new Target(d.handlerLevel(), d.handlerNodeId(), d.handlerDepartmentId(), repository.handlerPath(id),
				d.handlerName(), d.assignee());
		route(d, same, actor.name(), StepKind.RETURN_OVERRULED, required(note, "note"), EnumSet.of(DemandStatus.RETURNED));
		return repository.find(id).orElseThrow();
	}

	/** The handler asks for more time; a superior decides. */
	public DemandView requestExtension(long id, int workingDays, String reason) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireHandler(actor, d);
		if (d.status() != DemandStatus.IN_PROGRESS) {
			throw conflict(id);
		}
		if (workingDays < 1 || workingDays > 30) {
			throw errors.invalid("workingDays", "demands.extension.days", 1, 30);
		}
		String text = required(reason, "reason");
		long pending = jdbc.sql("SELECT COUNT(*) FROM demand_extension WHERE demand_id = ? AND status = 'PENDING'")
			.param(id).query(Long.class).single();
		if (pending > 0) {
			throw new ConflictException("An extension request is already waiting for a decision");
		}
		jdbc.sql("""
				INSERT INTO demand_extension (demand_id, requested_by, requested_at, working_days, reason, status)
				VALUES (?, ?, ?, ?, ?, 'PENDING')""")
			.params(id, actor.name(), DemandRepository.ts(Instant.now()), workingDays, text).update();
		repository.addStep(id, StepKind.EXTENSION_REQUESTED, actor.name(), null, null, null,
				workingDays + ": " + text, d.handlerName());
		notifications.toNode(superiorNode(d), id, NotificationKind.EXTENSION_REQUESTED);
		return repository.find(id).orElseThrow();
	}

	/** Pending and decided extension requests of a demand. */
	@Transactional(readOnly = true)
	public List<Extension> extensions(long id) {
		visible(CurrentActor.require(), id);
		return jdbc.sql("""
				SELECT id, requested_by, requested_at, working_days, reason, status, decided_by, decided_at
				FROM demand_extension WHERE demand_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new Extension(rs.getLong(1), rs.getString(2), DemandRepository.instant(rs, 3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7), DemandRepository.instant(rs, 8)))
			.list();
	}

	/** An extension request and its decision. */
	public record Extension(long id, String requestedBy, Instant requestedAt, int workingDays, String reason,
			String status, String decidedBy, Instant decidedAt) {
	}

	/** A superior approves or rejects the pending extension request. */
	public DemandView decideExtension(long id, boolean approve, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireSuperior(actor, d);
		Extension pending = extensions(id).stream().filter(e -> "PENDING".equals(e.status())).findFirst()
			.orElseThrow(() -> new ConflictException("No extension request is waiting"));
		Instant now = Instant.now();
		int updated = jdbc.sql("""
				UPDATE demand_extension SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'""")
			.params(approve ? "APPROVED" : "REJECTED", actor.name(), DemandRepository.ts(now), pending.id()).update();
		if (updated != 1) {
			throw new ConflictException("The request was decided meanwhile");
		}
		if (approve) {
			if (d.status() != DemandStatus.IN_PROGRESS) {
				throw conflict(id);
			}
			int seq = repository.deadlineSeq(id);
			Instant base = d.handleDueAt() != null && d.handleDueAt().isAfter(now) ? d.handleDueAt() : now;
			Instant due = deadlines.addWorkingDays(base, pending.workingDays());
			Map<String, Object> set = new LinkedHashMap<>();
			set.put("handle_due_at", due);
			set.put("deadline_seq", seq + 1);
			move(d, EnumSet.of(DemandStatus.IN_PROGRESS), seq, set);
			timers.deadline(id, seq + 1, "HANDLE", due);
		}
		repository.addStep(id, approve ? StepKind.EXTENSION_APPROVED : StepKind.EXTENSION_REJECTED, actor.name(), null,
				null, null, trim(note, "note"), null);
		notifications.toAccount(pending.requestedBy(), id, NotificationKind.EXTENSION_DECIDED);
		return repository.find(id).orElseThrow();
	}

	/** A superior supervises (督办) an open demand with an instruction. */
	public DemandView supervise(long id, String instruction) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireSuperior(actor, d);
		if (!d.status().isOpen() || d.status() == DemandStatus.RESOLVED) {
			throw conflict(id);
		}
		String text = required(instruction, "instruction");
		int seq = repository.deadlineSeq(id);
		move(d, EnumSet.of(d.status()), seq, Map.of("supervised", true));
		repository.addStep(id, StepKind.SUPERVISED, actor.name(), null, null, null, text, null);
		notifications.toNode(d.handlerNodeId(), id, NotificationKind.SUPERVISED);
		notifications.toAccount(d.assignee(), id, NotificationKind.SUPERVISED);
		return repository.find(id).orElseThrow();
	}

	/** A handling note, optionally with a public part and photos taken on site. */
	public DemandView addNote(long id, String note, String publicNote, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireHandler(actor, d);
		if (!d.status().isOpen()) {
			throw conflict(id);
		}
		List<FieldErrors.FieldError> problems = new ArrayList<>();
		checkPhotos(photos, problems);
		errors.failIfAny(problems);
		String internal = trim(note, "note");
		String shown = trim(publicNote, "publicNote");
		if (internal == null && shown == null && (photos == null || photos.isEmpty())) {
			throw errors.invalid("note", "demands.note.required");
		}
		for (PhotoUpload p : photos == null ? List.<PhotoUpload>of() : photos) {
			repository.addPhoto(id, "AFTER", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.NOTE, actor.name(), null, null, shown, internal, d.handlerName());
		return repository.find(id).orElseThrow();
	}

	/** Handling is done: the outcome, the reply to the resident (shown publicly) and after-photos. */
	public DemandView resolve(long id, Outcome outcome, String reply, List<PhotoUpload> photos) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireHandler(actor, d);
		List<FieldErrors.FieldError> problems = new ArrayList<>();
		if (outcome == null) {
			problems.add(new FieldErrors.FieldError("outcome", "demands.resolve.outcome.required"));
		}
		if (reply == null || reply.isBlank()) {
			problems.add(new FieldErrors.FieldError("reply", "demands.resolve.reply.required"));
		}
		else if (reply.strip().length() > NOTE_MAX) {
			problems.add(new FieldErrors.FieldError("reply", "demands.note.too-long", NOTE_MAX));
		}
		checkPhotos(photos, problems);
		errors.failIfAny(problems);
		if (d.status() != DemandStatus.IN_PROGRESS) {
			throw conflict(id);
		}
		int seq = repository.deadlineSeq(id);
		Instant now = Instant.now();
		Instant until = deadlines.evaluationCloses(now);
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("status", DemandStatus.RESOLVED);
		set.put("resolved_at", now);
		set.put("resolved_on_time", d.handleDueAt() == null || !now.isAfter(d.handleDueAt()));
		set.put("outcome", outcome);
		set.put("evaluate_until", until);
		set.put("deadline_seq", seq + 1);
		move(d, EnumSet.of(DemandStatus.IN_PROGRESS), seq, set);
		for (PhotoUpload p : photos == null ? List.<PhotoUpload>of() : photos) {
			repository.addPhoto(id, "AFTER", p.contentType(), p.bytes(), actor.name());
		}
		repository.addStep(id, StepKind.RESOLVED, actor.name(), DemandStatus.IN_PROGRESS, DemandStatus.RESOLVED,
				reply.strip(), null, d.handlerName());
		timers.evaluation(id, seq + 1, until);
		if (!d.raisedBy().startsWith("apikey:")) {
			notifications.toAccount(d.raisedBy(), id, NotificationKind.RESOLVED);
		}
		events.publishEvent(new DemandResolved(id, d.territoryPath(), outcome, Boolean.TRUE.equals(set.get("resolved_on_time")), now));
		return repository.find(id).orElseThrow();
	}

	// ================================================================== evaluate (评事)

	/** The resident who raised the demand rates the result, within the rating window. */
	public DemandView rate(long id, Rating rating, String comment) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		boolean raiser = actor.name().equals(d.raisedBy())
				|| (actor.residentId() != null && actor.residentId().equals(d.residentId()));
		if (!raiser || actor.isStaff()) {
			throw new ForbiddenException("Only the resident who raised the demand rates it");
		}
		return evaluate(actor, d, rating, comment, "APP");
	}

	/** Staff record the rating given on a follow-up call (回访) to a resident who does not use the app. */
	public DemandView recordFollowUp(long id, Rating rating, String comment) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		if (!actor.isStaff() || !actor.covers(d.territoryPath())) {
			throw new ForbiddenException("Only staff of the demand's area record follow-up calls");
		}
		return evaluate(actor, d, rating, comment, "FOLLOW_UP_CALL");
	}

	private DemandView evaluate(Actor actor, DemandView d, Rating rating, String comment, String channel) {
		if (rating == null) {
			throw errors.invalid("rating", "demands.rating.required");
		}
		String text = trim(comment, "comment");
		if (d.status() != DemandStatus.RESOLVED) {
			throw conflict(d.id());
		}
		Instant now = Instant.now();
		if (d.evaluateUntil() != null && now.isAfter(d.evaluateUntil())) {
			throw new ConflictException("The rating window has ended");
		}
		int seq = repository.deadlineSeq(d.id());
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("rating", rating);
		set.put("deadline_seq", seq + 1);
		if (rating == Rating.UNSATISFIED) {
			DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
			Instant due = deadlines.due(now, category.handleDeadline(), category.handleDeadlineUnit());
			set.put("status", DemandStatus.IN_PROGRESS);
			set.put("rework_count", d.reworkCount() + 1);
			set.put("handle_due_at", due);
			set.put("resolved_at", null);
			set.put("evaluate_until", null);
			move(d, EnumSet.of(DemandStatus.RESOLVED), seq, set);
			insertRating(d.id(), rating, text, channel, actor.name(), now);
			repository.addStep(d.id(), StepKind.RATED, actor.name(), null, null, null, text, null);
			repository.addStep(d.id(), StepKind.REWORK, actor.name(), DemandStatus.RESOLVED, DemandStatus.IN_PROGRESS,
					null, null, d.handlerName());
			timers.deadline(d.id(), seq + 1, "HANDLE", due);
			notifications.toNode(d.handlerNodeId(), d.id(), NotificationKind.REWORK);
			notifications.toAccount(d.assignee(), d.id(), NotificationKind.REWORK);
			events.publishEvent(new DemandRated(d.id(), d.territoryPath(), rating, channel, d.reworkCount() + 1, now));
		}
		else {
			set.put("status", DemandStatus.CLOSED);
			set.put("closed_at", now);
			move(d, EnumSet.of(DemandStatus.RESOLVED), seq, set);
			insertRating(d.id(), rating, text, channel, actor.name(), now);
			repository.addStep(d.id(), StepKind.RATED, actor.name(), DemandStatus.RESOLVED, DemandStatus.CLOSED, null,
					text, null);
			notifications.toNode(d.handlerNodeId(), d.id(), NotificationKind.RATED);
			events.publishEvent(new DemandRated(d.id(), d.territoryPath(), rating, channel, d.reworkCount(), now));
			events.publishEvent(new DemandClosed(d.id(), d.territoryPath(), d.communityId(), d.residentId(), rating, false, now,
					d.assignee()));
		}
		return repository.find(d.id()).orElseThrow();
	}

	private void insertRating(long id, Rating rating, String comment, String channel, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO demand_rating (demand_id, rating, comment, channel, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, rating.name(), comment, channel, by, DemandRepository.ts(at)).update();
	}

	// ================================================================== timers

	/** A deadline timer fired: if the deadline it was set for still stands, escalate one level up. */
	void deadlinePassed(DemandTimers.Due due) {
		Optional<DemandView> found = repository.find(due.demandId());
		if (found.isEmpty()) {
			return;
		}
		DemandView d = found.get();
		int seq = repository.deadlineSeq(d.id());
		boolean sign = "SIGN".equals(due.kind());
		if (seq != due.seq() || d.status() != (sign ? DemandStatus.DISPATCHED : DemandStatus.IN_PROGRESS)) {
			return;
		}
		Long fromId = d.escalatedNodeId() != null ? d.escalatedNodeId() : d.handlerNodeId();
		TerritoryNode from = fromId == null ? null : territories.lookup(fromId).orElse(null);
		TerritoryNode to = from != null && from.level().ordinal() > TerritoryLevel.DISTRICT.ordinal() && from.parentId() != null
				? territories.lookup(from.parentId()).orElse(from) : from;
		if (to == null) {
			return;
		}
		boolean top = to.level().ordinal() <= TerritoryLevel.DISTRICT.ordinal();
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		Instant now = Instant.now();
		Map<String, Object> set = new LinkedHashMap<>();
		set.put("escalation_count", d.escalationCount() + 1);
		set.put("escalated_node_id", to.id());
		set.put("escalated_path", to.path());
		set.put("deadline_seq", seq + 1);
		Instant next = null;
		if (sign) {
			next = deadlines.due(now, category.signDeadline(), category.signDeadlineUnit());
			set.put("handler_level", levelOf(to));
			set.put("handler_node_id", to.id());
			set.put("handler_department_id", null);
			set.put("handler_path", to.path());
			set.put("handler_name", to.name());
			set.put("assignee", null);
			set.put("sign_due_at", next);
		}
		else {
			next = deadlines.due(now, category.handleDeadline(), category.handleDeadlineUnit());
			set.put("supervised", true);
			set.put("handle_due_at", next);
		}
		if (!repository.update(d.id(), EnumSet.of(d.status()), seq, set)) {
			return;
		}
		repository.addStep(d.id(), StepKind.ESCALATED, "system", d.status(), d.status(), null, due.kind(), to.name());
		boolean alreadyAtTop = from.id() == to.id();
		if (!alreadyAtTop || !top) {
			timers.deadline(d.id(), seq + 1, due.kind(), next);
		}
		notifications.toNode(to.id(), d.id(), NotificationKind.ESCALATED);
		events.publishEvent(new DemandEscalated(d.id(), d.territoryPath(), to.id(), d.escalationCount() + 1, due.kind(), now));
	}

	/** The rating window ended without a rating: the demand closes. */
	void evaluationWindowEnded(DemandTimers.Due due) {
		Optional<DemandView> found = repository.find(due.demandId());
		if (found.isEmpty()) {
			return;
		}
		DemandView d = found.get();
		int seq = repository.deadlineSeq(d.id());
		if (seq != due.seq() || d.status() != DemandStatus.RESOLVED) {
			return;
		}
		Instant now = Instant.now();
		if (!repository.update(d.id(), EnumSet.of(DemandStatus.RESOLVED), seq,
				Map.of("status", DemandStatus.CLOSED, "closed_at", now, "deadline_seq", seq + 1))) {
			return;
		}
		repository.addStep(d.id(), StepKind.CLOSED, "system", DemandStatus.RESOLVED, DemandStatus.CLOSED, null, null, null);
		events.publishEvent(new DemandClosed(d.id(), d.territoryPath(), d.communityId(), d.residentId(), null, true, now, d.assignee()));
	}

	// ================================================================== duplicates and deliberation (议事)

	/** A dispatcher merges a duplicate into another open demand. */
	public DemandView merge(long id, long intoId, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		DemandView into = visible(actor, intoId);
		requireDispatcher(actor, d);
		if (id == intoId || !into.status().isOpen() || into.mergedIntoId() != null) {
			throw errors.invalid("intoId", "demands.merge.target");
		}
		int seq = repository.deadlineSeq(id);
		Map<String, Object> set = new HashMap<>();
		set.put("status", DemandStatus.MERGED);
		set.put("merged_into_id", intoId);
		set.put("closed_at", Instant.now());
		set.put("deadline_seq", seq + 1);
		move(d, EnumSet.of(DemandStatus.DELIBERATING, DemandStatus.DISPATCHED, DemandStatus.RETURNED,
				DemandStatus.IN_PROGRESS), seq, set);
		repository.addStep(id, StepKind.MERGED, actor.name(), d.status(), DemandStatus.MERGED, "#" + intoId, trim(note, "note"), null);
		repository.addStep(intoId, StepKind.NOTE, actor.name(), null, null, null, "merged #" + id, null);
		if (!d.raisedBy().startsWith("apikey:")) {
			notifications.toAccount(d.raisedBy(), id, NotificationKind.CLOSED);
		}
		return repository.find(id).orElseThrow();
	}

	/** Community staff make a demand a public matter of its community: handling waits for deliberation. */
	public DemandView markPublicMatter(long id, String note) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireDispatcher(actor, d);
		int seq = repository.deadlineSeq(id);
		move(d, EnumSet.of(DemandStatus.DISPATCHED, DemandStatus.IN_PROGRESS), seq,
				Map.of("status", DemandStatus.DELIBERATING, "public_matter", true, "deadline_seq", seq + 1));
		repository.addStep(id, StepKind.MARKED_PUBLIC_MATTER, actor.name(), d.status(), DemandStatus.DELIBERATING,
				trim(note, "note"), null, null);
		return repository.find(id).orElseThrow();
	}

	/** A resident of the community supports or opposes a public matter (again to change her mind). */
	public Deliberation takeStance(long id, Deliberation.Stance stance) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireCommunityResident(actor, d);
		if (stance == null) {
			throw errors.invalid("stance", "demands.stance.required");
		}
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		int changed = jdbc.sql("UPDATE demand_stance SET stance = ?, at = ? WHERE demand_id = ? AND account = ?")
			.params(stance.name(), DemandRepository.ts(Instant.now()), id, actor.name()).update();
		if (changed == 0) {
			jdbc.sql("INSERT INTO demand_stance (demand_id, account, stance, at) VALUES (?, ?, ?, ?)")
				.params(id, actor.name(), stance.name(), DemandRepository.ts(Instant.now())).update();
		}
		return deliberation(id);
	}

	/** A resident of the community, or staff, comments on a public matter. */
	public Deliberation comment(long id, String text) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		if (!actor.isStaff()) {
			requireCommunityResident(actor, d);
		}
		if (!d.publicMatter()) {
			throw conflict(id);
		}
		String body = required(text, "text");
		if (body.length() > 1000) {
			throw errors.invalid("text", "demands.note.too-long", 1000);
		}
		String display = actor.isStaff() ? actor.name() : residentName(actor).map(Masking::name).orElse("***");
		jdbc.sql("INSERT INTO demand_comment (demand_id, account, display_name, text, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, actor.name(), display, body, DemandRepository.ts(Instant.now())).update();
		return deliberation(id);
	}

	/** Community staff record a consultation meeting on a public matter. */
	public Meeting recordMeeting(long id, MeetingDraft m) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireDispatcher(actor, d);
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		List<FieldErrors.FieldError> problems = new ArrayList<>();
		if (m.heldAt() == null) {
			problems.add(new FieldErrors.FieldError("heldAt", "demands.meeting.held-at"));
		}
		if (m.agenda() == null || m.agenda().isBlank() || m.agenda().length() > 2000) {
			problems.add(new FieldErrors.FieldError("agenda", "demands.meeting.agenda"));
		}
		if (m.decision() == null || m.decision().isBlank() || m.decision().length() > 2000) {
			problems.add(new FieldErrors.FieldError("decision", "demands.meeting.decision"));
		}
		int expected = nonNegative(m.expectedParticipants(), "expectedParticipants", problems);
		int present = nonNegative(m.presentParticipants(), "presentParticipants", problems);
		int yes = nonNegative(m.votesFor(), "votesFor", problems);
		int no = nonNegative(m.votesAgainst(), "votesAgainst", problems);
		int abstain = nonNegative(m.votesAbstain(), "votesAbstain", problems);
		if (problems.isEmpty() && yes + no + abstain > present) {
			problems.add(new FieldErrors.FieldError("votesFor", "demands.meeting.votes-exceed-present"));
		}
		if (problems.isEmpty() && expected == 0) {
			problems.add(new FieldErrors.FieldError("expectedParticipants", "demands.meeting.expected"));
		}
		if (m.place() != null && m.place().length() > 200) {
			problems.add(new FieldErrors.FieldError("place", "demands.note.too-long", 200));
		}
		errors.failIfAny(problems);
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO demand_meeting (demand_id, held_at, place, agenda, expected_participants, present_participants,
				  decision, votes_for, votes_against, votes_abstain, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, DemandRepository.ts(m.heldAt()), blankToNull(m.place()), m.agenda().strip(), expected, present,
					m.decision().strip(), yes, no, abstain, actor.name())
			.update(keys, "id");
		repository.addStep(id, StepKind.MEETING_RECORDED, actor.name(), null, null, null, null, null);
		long meetingId = keys.getKey().longValue();
		return meetings(id).stream().filter(x -> x.id() == meetingId).findFirst().orElseThrow();
	}

	/** The meeting's decision is published and handling starts: the demand is dispatched by its rule. */
	public DemandView publishDecision(long id, long meetingId) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		requireDispatcher(actor, d);
		if (d.status() != DemandStatus.DELIBERATING) {
			throw conflict(id);
		}
		Meeting meeting = meetings(id).stream().filter(x -> x.id() == meetingId).findFirst()
			.orElseThrow(() -> new NotFoundException("No meeting " + meetingId + " for demand " + id));
		jdbc.sql("UPDATE demand_meeting SET published_at = ? WHERE id = ?")
			.params(DemandRepository.ts(Instant.now()), meetingId).update();
		repository.addStep(id, StepKind.DECISION_PUBLISHED, actor.name(), null, null,
				meeting.decision() + " (" + meeting.votesFor() + "/" + meeting.votesAgainst() + "/" + meeting.votesAbstain() + ")",
				null, null);
		DemandCategory category = categories.findByCode(d.categoryCode()).orElseThrow();
		route(d, defaultTarget(category, d), actor.name(), StepKind.DISPATCHED, null, EnumSet.of(DemandStatus.DELIBERATING));
		return repository.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Deliberation deliberation(long id) {
		Actor actor = CurrentActor.require();
		visible(actor, id);
		Deliberation all = deliberationOf(id, actor.name());
		if (actor.isStaff()) {
			return all;
		}
		// Residents see residents' masked names; staff comments stay unnamed.
		java.util.Set<Long> staffComments = new java.util.HashSet<>(jdbc.sql(
				"SELECT id FROM demand_comment WHERE demand_id = ? AND display_name = account").param(id).query(Long.class).list());
		return new Deliberation(all.demandId(), all.support(), all.oppose(), all.myStance(), all.comments().stream()
			.map(c -> staffComments.contains(c.id()) ? new Deliberation.Comment(c.id(), null, c.text(), c.at()) : c)
			.toList(), all.meetings());
	}

	Deliberation deliberationOf(long id, String account) {
		long support = jdbc.sql("SELECT COUNT(*) FROM demand_stance WHERE demand_id = ? AND stance = 'SUPPORT'").param(id)
			.query(Long.class).single();
		long oppose = jdbc.sql("SELECT COUNT(*) FROM demand_stance WHERE demand_id = ? AND stance = 'OPPOSE'").param(id)
			.query(Long.class).single();
		Deliberation.Stance mine = account == null ? null
				: jdbc.sql("SELECT stance FROM demand_stance WHERE demand_id = ? AND account = ?").params(id, account)
					.query(String.class).optional().map(Deliberation.Stance::valueOf).orElse(null);
		List<Deliberation.Comment> comments = jdbc.sql(
				"SELECT id, display_name, text, at FROM demand_comment WHERE demand_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new Deliberation.Comment(rs.getLong(1), rs.getString(2), rs.getString(3),
					DemandRepository.instant(rs, 4)))
			.list();
		return new Deliberation(id, support, oppose, mine, comments, meetings(id));
	}

	/**
	 * The deliberation of a public matter as the public board shows it: support and opposition counts, the
	 * comments with residents' masked names (staff comments carry no name at all) and only the meetings
	 * whose decision was published, without who recorded them. Empty counts for a demand that is not a
	 * public matter.
	 */
	@Transactional(readOnly = true)
	public PublicDeliberation publicDeliberation(long id) {
		DemandView d = repository.find(id).filter(x -> x.status() != DemandStatus.MERGED)
			.orElseThrow(() -> new NotFoundException("No demand " + id));
		if (!d.publicMatter()) {
			return new PublicDeliberation(id, 0, 0, List.of(), List.of());
		}
		Deliberation all = deliberationOf(id, null);
		List<Deliberation.Comment> comments = jdbc.sql(
				"SELECT id, account, display_name, text, at FROM demand_comment WHERE demand_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> {
				String account = rs.getString(2);
				String display = rs.getString(3);
				// Staff comments were stored under the account name: never shown publicly.
				String shown = display == null || display.equals(account) ? null : display;
				return new Deliberation.Comment(rs.getLong(1), shown, Redaction.redact(rs.getString(4)),
						DemandRepository.instant(rs, 5));
			})
			.list();
		List<PublicDeliberation.PublishedMeeting> published = all.meetings().stream()
			.filter(m -> m.publishedAt() != null)
			.map(m -> new PublicDeliberation.PublishedMeeting(m.heldAt(), m.place(), m.agenda(), m.expectedParticipants(),
					m.presentParticipants(), m.decision(), m.votesFor(), m.votesAgainst(), m.votesAbstain(), m.publishedAt()))
			.toList();
		return new PublicDeliberation(id, all.support(), all.oppose(), comments, published);
	}

	List<Meeting> meetings(long id) {
		return jdbc.sql("""
				SELECT id, demand_id, held_at, place, agenda, expected_participants, present_participants, decision,
				       votes_for, votes_against, votes_abstain, recorded_by, published_at
				FROM demand_meeting WHERE demand_id = ? ORDER BY held_at, id""")
			.param(id)
			.query((rs, n) -> new Meeting(rs.getLong(1), rs.getLong(2), DemandRepository.instant(rs, 3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
					rs.getString(12), DemandRepository.instant(rs, 13)))
			.list();
	}

	// ================================================================== queries

	/** One demand the caller may see, or 404. */
	@Transactional(readOnly = true)
	public DemandView find(long id) {
		return visible(CurrentActor.require(), id);
	}

	/** The timeline; staff see internal notes, others only the public steps. */
	@Transactional(readOnly = true)
	public List<DemandStep> timeline(long id) {
		Actor actor = CurrentActor.require();
		visible(actor, id);
		List<DemandStep> steps = repository.steps(id);
		if (actor.isStaff() || actor.isApiKey()) {
			return steps;
		}
		return steps.stream().filter(s -> s.kind().alwaysPublic() || s.publicNote() != null)
			.map(s -> new DemandStep(s.id(), s.at(), s.kind(), null, s.fromStatus(), s.toStatus(), s.publicNote(), null,
					s.unitName()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<PhotoRef> photos(long id) {
		visible(CurrentActor.require(), id);
		return repository.photos(id);
	}

	/** A photo of a demand the caller may see. */
	@Transactional(readOnly = true)
	public PhotoUpload photo(long photoId) {
		DemandRepository.Photo photo = repository.photo(photoId).orElseThrow(() -> new NotFoundException("No photo"));
		visible(CurrentActor.require(), photo.demandId());
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}

	/** The full contact phone of a caller, for staff calling back; recorded like any personal-data view. */
	public String revealContactPhone(long id) {
		Actor actor = CurrentActor.require();
		DemandView d = visible(actor, id);
		if (!actor.isStaff() || !actor.covers(d.territoryPath())) {
			throw new ForbiddenException("Only staff of the demand's area may call the resident back");
		}
		String stored = repository.contactPhoneCipher(id);
		if (stored == null) {
			return null;
		}
		repository.addStep(id, StepKind.NOTE, actor.name(), null, null, null, "contact phone viewed", null);
		events.publishEvent(new DemandContactViewed(id, d.territoryPath(), actor.name(), Instant.now()));
		return cipher.decrypt(stored);
	}

	/**
	 * The caller's work queue: demands waiting for her unit or for her, escalated to her unit, returned to
	 * her as dispatcher, in deliberation in her community, or (for a grid worker) open in her grid and
	 * claimable. Most urgent and earliest due first.
	 */
	@Transactional(readOnly = true)
	public List<DemandView> queue(int limit) {
		Actor actor = CurrentActor.require();
		Map<String, Object> p = new HashMap<>();
		p.put("node", actor.territoryId());
		p.put("me", actor.name());
		StringBuilder ids = new StringBuilder("""
				SELECT id FROM demand WHERE assignee = :me AND status IN ('DISPATCHED','IN_PROGRESS')""");
		if (actor.isStaff()) {
			ids.append("""
					 UNION SELECT id FROM demand WHERE handler_node_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')
					 UNION SELECT id FROM demand WHERE escalated_node_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')
					 UNION SELECT id FROM demand WHERE grid_id = :node AND status IN ('DISPATCHED','IN_PROGRESS')""");
			TerritoryLevel level = territories.lookup(actor.territoryId()).map(TerritoryNode::level).orElse(TerritoryLevel.GRID);
			String column = levelColumn(level);
			if (column != null && level != TerritoryLevel.GRID) {
				ids.append(" UNION SELECT id FROM demand WHERE ").append(column)
					.append(" = :node AND status IN ('RETURNED','DELIBERATING')");
			}
		}
		return repository.query("WHERE d.id IN (" + ids + ")", p,
				"CASE d.urgency WHEN 'EMERGENCY' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, "
						+ "COALESCE(d.sign_due_at, d.handle_due_at), d.id",
				0, Math.max(1, Math.min(limit, 500)));
	}

	/** Demands raised by the caller (a resident's "my demands"), newest first. */
	@Transactional(readOnly = true)
	public List<DemandView> mine(int limit) {
		Actor actor = CurrentActor.require();
		Map<String, Object> p = new HashMap<>();
		p.put("me", actor.name());
		p.put("resident", actor.residentId() == null ? -1L : actor.residentId());
		return repository.query("WHERE d.id IN (SELECT id FROM demand WHERE raised_by = :me UNION "
				+ "SELECT id FROM demand WHERE resident_id = :resident)", p, "d.raised_at DESC, d.id DESC", 0,
				Math.max(1, Math.min(limit, 200)));
	}

	/** Demands in the caller's jurisdiction matching the filters, newest first. */
	@Transactional(readOnly = true)
	public DemandPage search(DemandSearch q) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff() && !actor.isApiKey()) {
			throw new ForbiddenException("Only staff search demands");
		}
		Map<String, Object> p = new HashMap<>();
		String where = searchWhere(actor, q, p);
		int size = Math.max(1, Math.min(q.size(), 200));
		int page = Math.max(0, q.page());
		long total = repository.count(where, p);
		List<DemandView> items = repository.query(where, p, "d.raised_at DESC, d.id DESC", page * size, size);
		return new DemandPage(items, page, size, total);
	}

	/** Streams every match of a search, for the Excel export. */
	@Transactional(readOnly = true)
	public void export(DemandSearch q, java.util.function.Consumer<DemandView> sink) {
		Actor actor = CurrentActor.require();
		if (!actor.isStaff()) {
			throw new ForbiddenException("Only staff export demands");
		}
		Map<String, Object> p = new HashMap<>();
		String where = searchWhere(actor, q, p);
		int chunk = 1000;
		for (int offset = 0;; offset += chunk) {
			List<DemandView> rows = repository.query(where, p, "d.raised_at DESC, d.id DESC", offset, chunk);
			rows.forEach(sink);
			if (rows.size() < chunk) {
				return;
			}
		}
	}

	String searchWhere(Actor actor, DemandSearch q, Map<String, Object> p) {
		StringBuilder w = new StringBuilder("WHERE 1 = 1");
		scope(actor.territoryId(), w, p, "scope");
		if (q.community() != null && !q.community().isBlank()) {
			TerritoryNode node = territories.lookupByCode(q.community().strip()).filter(n -> actor.covers(n.path()))
				.orElseThrow(() -> new NotFoundException("No territory " + q.community()));
			scope(node.id(), w, p, "narrow");
		}
		if (q.status() != null) {
			w.append(" AND d.status = :status");
			p.put("status", q.status().name());
		}
		if (q.category() != null && !q.category().isBlank()) {
			w.append(" AND c.code = :category");
			p.put("category", q.category().strip());
		}
		if (q.from() != null) {
			w.append(" AND d.raised_at >= :from");
			p.put("from", DemandRepository.ts(q.from()));
		}
		if (q.to() != null) {
			w.append(" AND d.raised_at < :to");
			p.put("to", DemandRepository.ts(q.to()));
		}
		if (Boolean.TRUE.equals(q.overdue())) {
			w.append(" AND ((d.status = 'DISPATCHED' AND d.sign_due_at < :now) OR (d.status = 'IN_PROGRESS' AND d.handle_due_at < :now))");
			p.put("now", DemandRepository.ts(Instant.now()));
		}
		return w.toString();
	}

	/** Restricts to the subtree of a node through the ancestor columns, which are indexed. */
	private void scope(long nodeId, StringBuilder w, Map<String, Object> p, String name) {
		TerritoryNode node = territories.lookup(nodeId).orElseThrow();
		String column = levelColumn(node.level());
		if (node.level() == TerritoryLevel.CITY) {
			return;
		}
		if (column == null) {
			w.append(" AND d.territory_path LIKE :").append(name);
			p.put(name, node.path() + "%");
			return;
		}
		w.append(" AND d.").append(column).append(" = :").append(name);
		p.put(name, node.id());
	}

	static String levelColumn(TerritoryLevel level) {
		return switch (level) {
			case DISTRICT -> "district_id";
			case STREET -> "street_id";
			case COMMUNITY -> "community_id";
			case GRID -> "grid_id";
			default -> null;
		};
	}

	// ================================================================== public board (晒事)

	/** A community's public board: readable without signing in, no personal data. */
	@Transactional(readOnly = true)
	public PublicBoard board(String communityCode, DemandStatus status, int page, int size) {
		TerritoryNode community = territories.lookupByCode(communityCode)
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> new NotFoundException("No community " + communityCode));
		Map<String, Object> p = new HashMap<>();
		p.put("community", community.id());
		String where = "WHERE d.community_id = :community AND d.status <> 'MERGED'";
		if (status != null) {
			where += " AND d.status = :status";
			p.put("status", status.name());
		}
		int s = Math.max(1, Math.min(size, 100));
		int pg = Math.max(0, page);
		long total = repository.count(where, p);
		List<PublicDemand> items = repository.query(where, p, "d.raised_at DESC, d.id DESC", pg * s, s).stream()
			.map(d -> publicView(d, false)).toList();
		return new PublicBoard(community.code(), community.name(), items, pg, s, total);
	}

	/** One demand as the public sees it, with its public timeline and photos. */
	@Transactional(readOnly = true)
	public PublicDemand publicDemand(long id) {
		DemandView d = repository.find(id).filter(x -> x.status() != DemandStatus.MERGED)
			.orElseThrow(() -> new NotFoundException("No demand " + id));
		return publicView(d, true);
	}

	/**
	 * The latest public reply (the note of the RESOLVED step, redacted) of each of the given demands that
	 * has one: the outcome text shown on the public board's cards.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> publicReplies(java.util.Collection<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> replies = new HashMap<>();
		jdbc.sql("""
				SELECT demand_id, public_note FROM demand_step
				WHERE demand_id IN (:ids) AND kind = 'RESOLVED' AND public_note IS NOT NULL ORDER BY at, id""")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> replies.put(e.getKey(), Redaction.redact(e.getValue())));
		return replies;
	}

	/** Demands matching public filters across the city (Open311 GET requests): public views only. */
	@Transactional(readOnly = true)
	public List<PublicDemand> publicSearch(PublicSearch q) {
		Map<String, Object> p = new HashMap<>();
		StringBuilder w = new StringBuilder("WHERE d.status <> 'MERGED'");
		if (q.ids() != null && !q.ids().isEmpty()) {
			w.append(" AND d.id IN (:ids)");
			p.put("ids", q.ids());
		}
		if (q.categoryCodes() != null && !q.categoryCodes().isEmpty()) {
			w.append(" AND c.code IN (:codes)");
			p.put("codes", q.categoryCodes());
		}
		if (q.from() != null) {
			w.append(" AND d.raised_at >= :from");
			p.put("from", DemandRepository.ts(q.from()));
		}
		if (q.to() != null) {
			w.append(" AND d.raised_at <= :to");
			p.put("to", DemandRepository.ts(q.to()));
		}
		if (q.open() != null) {
			w.append(q.open() ? " AND d.status NOT IN ('RESOLVED','CLOSED')" : " AND d.status IN ('RESOLVED','CLOSED')");
		}
		int size = Math.max(1, Math.min(q.size(), 1000));
		int page = Math.max(0, q.page());
		return repository.query(w.toString(), p, "d.raised_at DESC, d.id DESC", page * size, size).stream()
			.map(d -> publicView(d, true)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<PublicDemand> publicByToken(String token) {
		return repository.findByToken(token).filter(x -> x.status() != DemandStatus.MERGED).map(d -> publicView(d, false));
	}

	/** A photo of a demand on the public board. */
	@Transactional(readOnly = true)
	public PhotoUpload publicPhoto(long photoId) {
		DemandRepository.Photo photo = repository.photo(photoId).orElseThrow(() -> new NotFoundException("No photo"));
		repository.find(photo.demandId()).filter(x -> x.status() != DemandStatus.MERGED)
			.orElseThrow(() -> new NotFoundException("No photo"));
		return new PhotoUpload(photo.contentType(), photo.bytes());
	}

	PublicDemand publicView(DemandView d, boolean withTimeline) {
		String place = jdbc.sql("SELECT public_place FROM demand WHERE id = ?").param(d.id()).query(String.class).optional()
			.orElse(null);
		String communityName = territories.lookup(d.communityId()).map(TerritoryNode::name).orElse("");
		List<PublicDemand.PublicStep> timeline = withTimeline ? repository.steps(d.id()).stream()
			.filter(s -> s.kind().alwaysPublic() || s.publicNote() != null)
			.map(s -> new PublicDemand.PublicStep(s.at(), s.kind(), s.toStatus(), Redaction.redact(s.publicNote()),
					s.unitName()))
			.toList() : List.of();
		Instant updated = d.closedAt() != null ? d.closedAt()
				: d.resolvedAt() != null ? d.resolvedAt() : d.signedAt() != null ? d.signedAt() : d.raisedAt();
		Instant expected = d.status() == DemandStatus.IN_PROGRESS ? d.handleDueAt() : null;
		return new PublicDemand(d.id(), d.token(), d.categoryCode(), d.categoryName(), Redaction.redact(d.description()),
				d.status(), place, communityName, d.communityId(), round(d.latitude()), round(d.longitude()),
				d.showNamePublicly() ? d.raiserDisplay() : null, d.handlerName(), d.publicMatter(), d.raisedAt(), updated,
				d.resolvedAt(), d.outcome(), d.rating(), expected, withTimeline ? repository.photos(d.id()) : List.of(),
				timeline);
	}

	/** Public coordinates are rounded to about 100 m, so a point does not give away a door. */
	private static Double round(Double v) {
		return v == null ? null : Math.round(v * 1000) / 1000.0;
	}

	// ================================================================== access rules

	/** Whether the actor may see the demand at all. */
	boolean canSee(Actor actor, DemandView d) {
		if (actor.isStaff() || actor.isApiKey()) {
			if (actor.covers(d.territoryPath())) {
				return true;
			}
			String handler = repository.handlerPath(d.id());
			if (handler != null && actor.covers(handler)) {
				return true;
			}
			String escalated = repository.escalatedPath(d.id());
			if (escalated != null && actor.covers(escalated)) {
				return true;
			}
		}
		if (actor.name().equals(d.assignee()) || actor.name().equals(d.raisedBy())) {
			return true;
		}
		if (actor.residentId() != null && actor.residentId().equals(d.residentId())) {
			return true;
		}
		// Residents see the public matters of their own community, to deliberate on them.
		return d.publicMatter() && actor.residentId() != null
				&& residentCommunity(actor).map(c -> c == d.communityId()).orElse(false);
	}

	DemandView visible(Actor actor, long id) {
		return repository.find(id).filter(d -> canSee(actor, d))
			.orElseThrow(() -> new NotFoundException("No demand " + id));
	}

	/** The handling unit's staff, a superior of it, or the assigned person. */
	private void requireHandler(Actor actor, DemandView d) {
		if (actor.name().equals(d.assignee())) {
			return;
		}
		String handler = repository.handlerPath(d.id());
		if (!actor.isStaff() || handler == null || !actor.covers(handler)) {
			throw new ForbiddenException("Only the handling unit may do this");
		}
	}

	/** Staff above the handling unit (a community over its grids, a street over its communities, ...). */
	private void requireSuperior(Actor actor, DemandView d) {
		String handler = repository.handlerPath(d.id());
		if (!actor.isStaff() || handler == null || !actor.covers(handler) || actor.territoryPath().equals(handler)) {
			throw new ForbiddenException("Only a superior of the handling unit may do this");
		}
	}

	/** Dispatchers: community workers and officials above them, over the demand's place. */
	private void requireDispatcher(Actor actor, DemandView d) {
		boolean role = actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL, Role.CITY_OFFICIAL,
				Role.ADMINISTRATOR);
		if (!role || !actor.covers(d.territoryPath())) {
			throw new ForbiddenException("Only a dispatcher of the demand's area may do this");
		}
	}

	private void requireCommunityResident(Actor actor, DemandView d) {
		if (actor.isStaff() || residentCommunity(actor).map(c -> c != d.communityId()).orElse(true)) {
			throw new ForbiddenException("Only residents of the community take part in its deliberation");
		}
	}

	private Optional<Long> residentCommunity(Actor actor) {
		if (actor.residentId() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(residents.find(actor.residentId()).communityId());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	private Optional<String> residentName(Actor actor) {
		if (actor.residentId() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(residents.find(actor.residentId()).name());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	/** Where a returned demand goes: the community of its place, or the unit above a street or district handler. */
	private Long dispatcherNode(DemandView d) {
		if (d.handlerLevel() == HandlingLevel.GRID || d.handlerLevel() == HandlingLevel.COMMUNITY) {
			return d.communityId();
		}
		return d.handlerLevel() == HandlingLevel.STREET ? d.districtId() : d.districtId();
	}

	private Long superiorNode(DemandView d) {
		return d.handlerNodeId() == null ? null
				: territories.lookup(d.handlerNodeId()).map(TerritoryNode::parentId).orElse(null);
	}

	private void move(DemandView d, Set<DemandStatus> from, int seq, Map<String, Object> set) {
		if (!repository.update(d.id(), from, seq, set)) {
			throw conflict(d.id());
		}
	}

	private static ConflictException conflict(long id) {
		return new ConflictException("Demand " + id + " is not in a state that allows this, or changed meanwhile");
	}

	private String required(String text, String field) {
		String t = trim(text, field);
		if (t == null) {
			throw errors.invalid(field, "demands.note.required");
		}
		return t;
	}

	private String trim(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > NOTE_MAX) {
			throw errors.invalid(field, "demands.note.too-long", NOTE_MAX);
		}
		return t;
	}

	private static int nonNegative(Integer v, String field, List<FieldErrors.FieldError> problems) {
		if (v == null || v < 0 || v > 100000) {
			problems.add(new FieldErrors.FieldError(field, "demands.meeting.count"));
			return 0;
		}
		return v;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}

package org.jinlin.volunteers;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.jinlin.volunteers.ActivityModels.ActivityDraft;
import org.jinlin.volunteers.ActivityModels.ActivityView;
import org.jinlin.volunteers.ActivityModels.AttendanceView;
import org.jinlin.volunteers.ActivityModels.BackDate;
import org.jinlin.volunteers.ActivityModels.CheckInResult;
import org.jinlin.volunteers.ActivityModels.ConfirmHours;
import org.jinlin.volunteers.ActivityModels.HoursLine;
import org.jinlin.volunteers.ActivityModels.ServiceRecordView;
import org.jinlin.volunteers.ActivityModels.ShiftDraft;
import org.jinlin.volunteers.ActivityModels.ShiftView;
import org.jinlin.volunteers.ActivityModels.SignUpView;
import org.jinlin.volunteers.CheckInPolicy.Pair;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer activities: organisers (community workers and above, in their jurisdiction) create and publish them
 * before they start; volunteers sign up for shifts (never beyond capacity, also under concurrent sign-ups) and
 * cancel; at the venue they sign in and out with the activity's QR code under {@link CheckInPolicy}; back-dated
 * pairs wait for the organiser's approval; the organiser confirms each volunteer's hours as a service record and
 * publishes {@link ServiceDelivered}.
 */
@Service
class VolunteerActivities {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Sign-in opens this long before the activity starts and closes this long after it ends. */
	static final java.time.Duration CHECK_IN_MARGIN = java.time.Duration.ofHours(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Role[] ORGANISER_ROLES = { Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
			Role.CITY_OFFICIAL, Role.ADMINISTRATOR };

	private final JdbcClient jdbc;

	private final VolunteerRegistry registry;

	private final Territories territories;

	private final ApplicationEventPublisher events;

	private final VolunteerMessages messages;

	VolunteerActivities(JdbcClient jdbc, VolunteerRegistry registry, Territories territories,
			ApplicationEventPublisher events, VolunteerMessages messages) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.territories = territories;
		this.events = events;
		this.messages = messages;
	}

	static boolean isOrganiser(Actor actor) {
		return actor.hasAny(ORGANISER_ROLES);
	}

	static boolean organises(Actor actor, ActivityView a) {
		return isOrganiser(actor) && actor.covers(a.territoryPath());
	}

	// ------------------------------------------------------------------ activities

	@Transactional
	ActivityView create(ActivityDraft d) {
		Actor actor = CurrentActor.require();
		if (!isOrganiser(actor)) {
			throw new ForbiddenException("Organisers only");
		}
		VolunteerMessages.Errors errors = messages.errors();
		String title = trim(d.title());
		if (title == null || title.length() > 100) {
			errors.add("title", "volunteers.error.title");
		}
		OrganiserKind kind = null;
		try {
			kind = d.organiserKind() == null ? null : OrganiserKind.valueOf(d.organiserKind().trim());
		}
		catch (IllegalArgumentException e) {
			kind = null;
		}
		if (kind == null) {
			errors.add("organiserKind", "volunteers.error.organiserKind");
		}
		TerritoryNode node = trim(d.territoryCode()) == null ? null
				: territories.lookupByCode(d.territoryCode().trim())
					.filter(n -> n.level() == TerritoryLevel.COMMUNITY || n.level() == TerritoryLevel.STREET)
					.filter(n -> actor.covers(n.path()))
					.orElse(null);
		if (node == null) {
			errors.add("territoryCode", "volunteers.error.territory");
		}
		String organiserName = trim(d.organiserName());
		if (kind == OrganiserKind.ORGANISATION && organiserName == null) {
			errors.add("organiserName", "volunteers.error.organiserName");
		}
		if (organiserName != null && organiserName.length() > 100) {
			errors.add("organiserName", "volunteers.error.tooLong", 100);
		}
		ServiceIntention category = ServiceIntention.parse(d.category()).orElse(null);
		if (category == null) {
			errors.add("category", "volunteers.error.category");
		}
		String venue = trim(d.venue());
		if (venue == null || venue.length() > 200) {
			errors.add("venue", "volunteers.error.venue");
		}
		String description = trim(d.description());
		if (description != null && description.length() > 2000) {
			errors.add("description", "volunteers.error.tooLong", 2000);
		}
		Instant now = Instant.now();
		Instant starts = time(d.startsAt());
		Instant ends = time(d.endsAt());
		if (starts == null || !starts.isAfter(now)) {
			errors.add("startsAt", "volunteers.error.startsAt");
		}
		if (ends == null || (starts != null && !ends.isAfter(starts))) {
			errors.add("endsAt", "volunteers.error.endsAt");
		}
		List<Object[]> shifts = new ArrayList<>();
		if (d.shifts() == null || d.shifts().isEmpty()) {
			if (d.capacity() == null || d.capacity() < 1 || d.capacity() > 10000) {
				errors.add("capacity", "volunteers.error.capacity");
			}
			else {
				shifts.add(new Object[] { messages.get("volunteers.shift.whole"), starts, ends, d.capacity() });
			}
		}
		else {
			for (int i = 0; i < d.shifts().size(); i++) {
				ShiftDraft s = d.shifts().get(i);
				Instant ss = time(s.startsAt());
				Instant se = time(s.endsAt());
				String label = trim(s.label());
				if (label == null || label.length() > 100 || ss == null || se == null || !se.isAfter(ss)
						|| (starts != null && ss.isBefore(starts)) || (ends != null && se.isAfter(ends))) {
					errors.add("shifts[" + i + "]", "volunteers.error.shift");
				}
				if (s.capacity() == null || s.capacity() < 1 || s.capacity() > 10000) {
					errors.add("shifts[" + i + "].capacity", "volunteers.error.capacity");
				}
				shifts.add(new Object[] { label, ss, se, s.capacity() });
			}
		}
		errors.throwIfAny();
		if (organiserName == null) {
			organiserName = node.name();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_activity (title, organiser_kind, organiser_name, territory_id, territory_name, territory_path,
				  category, venue, description, starts_at, ends_at, status, checkin_token, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
			.params(title, kind.name(), organiserName, node.id(), node.name(), node.path(), category.name(), venue,
					description == null ? "" : description, ts(starts), ts(ends), newToken(), ts(now), actor.name())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (Object[] s : shifts) {
			jdbc.sql("INSERT INTO volunteer_shift (activity_id, label, starts_at, ends_at, capacity, taken) VALUES (?, ?, ?, ?, ?, 0)")
				.params(id, s[0], ts((Instant) s[1]), ts((Instant) s[2]), s[3])
				.update();
		}
		return load(id).orElseThrow();
	}

	/** Publishes a draft; an activity that has already started cannot be published. */
	@Transactional
	ActivityView publish(long id) {
		ActivityView a = organised(id);
		if (!"DRAFT".equals(a.status())) {
			throw new ConflictException(messages.get("volunteers.error.notDraft"));
		}
		Instant now = Instant.now();
		if (a.started(now)) {
			throw new ConflictException(messages.get("volunteers.error.publishStarted"));
		}
		jdbc.sql("UPDATE volunteer_activity SET status = 'PUBLISHED', published_at = ? WHERE id = ? AND status = 'DRAFT'")
			.params(ts(now), id).update();
		return load(id).orElseThrow();
	}

	/** A new QR secret: the old code stops working. */
	@Transactional
	String rotateToken(long id) {
		organised(id);
		String token = newToken();
		jdbc.sql("UPDATE volunteer_activity SET checkin_token = ? WHERE id = ?").params(token, id).update();
		return token;
	}

	/** The check-in secret, for the organiser's QR code. */
	String token(long id) {
		organised(id);
		return jdbc.sql("SELECT checkin_token FROM volunteer_activity WHERE id = ?").param(id).query(String.class).single();
	}

	/** Activities the caller may see: published ones, and drafts of the organiser's jurisdiction; newest first. */
	List<ActivityView> list(boolean upcomingOnly, int limit) {
		Actor actor = CurrentActor.require();
		String sql = "SELECT * FROM volunteer_activity WHERE (status = 'PUBLISHED'"
				+ (isOrganiser(actor) ? " OR (status = 'DRAFT' AND territory_path LIKE :prefix)" : "") + ")"
				+ (upcomingOnly ? " AND ends_at > :now" : "") + " ORDER BY starts_at " + (upcomingOnly ? "ASC" : "DESC")
				+ " LIMIT :limit";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("limit", limit);
		if (isOrganiser(actor)) {
			spec = spec.param("prefix", actor.jurisdiction().likePattern());
		}
		if (upcomingOnly) {
			spec = spec.param("now", ts(Instant.now()));
		}
		List<ActivityView> bare = spec.query(VolunteerActivities::mapActivity).list();
		return withShifts(bare);
	}

	/** One activity: published, or a draft of the organiser's jurisdiction; 404 otherwise. */
	ActivityView find(long id) {
		Actor actor = CurrentActor.require();
		ActivityView a = load(id).orElseThrow(() -> new NotFoundException("No such activity"));
		if (!a.published() && !organises(actor, a)) {
			throw new NotFoundException("No such activity");
		}
		return a;
	}

	/** An activity the caller organises: 404 when invisible or outside the jurisdiction, 403 without the role. */
	ActivityView organised(long id) {
		Actor actor = CurrentActor.require();
		ActivityView a = find(id);
		if (!isOrganiser(actor)) {
			throw new ForbiddenException("Organisers only");
		}
		if (!actor.covers(a.territoryPath())) {
			throw new NotFoundException("No such activity");
		}
		return a;
	}

	Optional<ActivityView> load(long id) {
		return jdbc.sql("SELECT * FROM volunteer_activity WHERE id = ?").param(id).query(VolunteerActivities::mapActivity)
			.optional().map(a -> withShifts(List.of(a)).get(0));
	}

	private List<ActivityView> withShifts(List<ActivityView> bare) {
		if (bare.isEmpty()) {
			return bare;
		}
		Map<Long, List<ShiftView>> shifts = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM volunteer_shift WHERE activity_id IN (:ids) ORDER BY starts_at, id")
			.param("ids", bare.stream().map(ActivityView::id).toList())
			.query((rs, n) -> {
				shifts.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>())
					.add(new ShiftView(rs.getLong("id"), rs.getString("label"), instant(rs, "starts_at"),
							instant(rs, "ends_at"), rs.getInt("capacity"), rs.getInt("taken")));
				return 0;
			})
			.list();
		return bare.stream()
			.map(a -> new ActivityView(a.id(), a.title(), a.organiserKind(), a.organiserName(), a.territoryId(),
					a.territoryName(), a.territoryPath(), a.category(), a.venue(), a.description(), a.startsAt(), a.endsAt(),
					a.status(), a.publishedAt(), a.createdBy(), shifts.getOrDefault(a.id(), List.of())))
			.toList();
	}

	// ------------------------------------------------------------------ sign-up

	/**
	 * Signs the caller (a registered volunteer) up for a shift. The place is taken by a conditional update, so two
	 * volunteers racing for the last place cannot both get it: the second gets a 409.
	 */
	@Transactional
	SignUpView signUp(long activityId, Long shiftId) {
		VolunteerView v = registry.requireMine();
		ActivityView a = find(activityId);
		if (!a.published() || a.ended(Instant.now())) {
			throw new ConflictException(messages.get("volunteers.error.notOpen"));
		}
		ShiftView shift = shiftId == null && a.shifts().size() == 1 ? a.shifts().get(0)
				: a.shifts().stream().filter(s -> shiftId != null && s.id() == shiftId).findFirst()
					.orElseThrow(() -> new NotFoundException("No such shift"));
		Optional<String> existing = jdbc.sql("SELECT status FROM volunteer_signup WHERE shift_id = ? AND volunteer_id = ?")
			.params(shift.id(), v.id()).query(String.class).optional();
		if (existing.filter("SIGNED_UP"::equals).isPresent()) {
			throw new ConflictException(messages.get("volunteers.error.alreadySignedUp"));
		}
		int took = jdbc.sql("UPDATE volunteer_shift SET taken = taken + 1 WHERE id = ? AND taken < capacity")
			.param(shift.id()).update();
		if (took == 0) {
			throw new ConflictException(messages.get("volunteers.error.full"));
		}
		Instant now = Instant.now();
		try {
			if (existing.isPresent()) {
				jdbc.sql("UPDATE volunteer_signup SET status = 'SIGNED_UP', signed_up_at = ?, cancelled_at = NULL WHERE shift_id = ? AND volunteer_id = ? AND status = 'CANCELLED'")
					.params(ts(now), shift.id(), v.id()).update();
			}
			else {
				jdbc.sql("INSERT INTO volunteer_signup (shift_id, activity_id, volunteer_id, status, signed_up_at) VALUES (?, ?, ?, 'SIGNED_UP', ?)")
					.params(shift.id(), a.id(), v.id(), ts(now)).update();
			}
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.get("volunteers.error.alreadySignedUp"));
		}
		return signUps(a.id(), v.id()).stream().filter(s -> s.shiftId() == shift.id()).findFirst().orElseThrow();
	}

	/** Cancels the caller's sign-up for a shift, before the activity starts. */
	@Transactional
	void cancel(long activityId, Long shiftId) {
		VolunteerView v = registry.requireMine();
		ActivityView a = find(activityId);
		if (a.started(Instant.now())) {
			throw new ConflictException(messages.get("volunteers.error.cancelStarted"));
		}
		List<SignUpView> mine = signUps(a.id(), v.id()).stream().filter(s -> "SIGNED_UP".equals(s.status()))
			.filter(s -> shiftId == null || s.shiftId() == shiftId).toList();
		if (mine.isEmpty()) {
			throw new NotFoundException("No sign-up");
		}
		for (SignUpView s : mine) {
			int n = jdbc.sql("UPDATE volunteer_signup SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status = 'SIGNED_UP'")
				.params(ts(Instant.now()), s.id()).update();
			if (n == 1) {
				jdbc.sql("UPDATE volunteer_shift SET taken = taken - 1 WHERE id = ? AND taken > 0").param(s.shiftId()).update();
			}
		}
	}

	/** The sign-ups of an activity, for its organiser. */
	List<SignUpView> signUps(long activityId) {
		organised(activityId);
		return signUps(activityId, null);
	}

	/** The caller's own sign-ups for an activity (empty when not registered). */
	List<SignUpView> mySignUps(long activityId) {
		return registry.mine().map(v -> signUps(activityId, v.id())).orElse(List.of());
	}

	private List<SignUpView> signUps(long activityId, Long volunteerId) {
		return jdbc.sql("""
				SELECT s.id, s.shift_id, sh.label, s.volunteer_id, v.name, v.phone_masked, s.status, s.signed_up_at
				FROM volunteer_signup s JOIN volunteer_shift sh ON sh.id = s.shift_id JOIN volunteer v ON v.id = s.volunteer_id
				WHERE s.activity_id = :a""" + (volunteerId == null ? "" : " AND s.volunteer_id = :v")
				+ " ORDER BY s.signed_up_at, s.id")
			.param("a", activityId)
			.params(volunteerId == null ? Map.of() : Map.of("v", volunteerId))
			.query((rs, n) -> new SignUpView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6), rs.getString(7), instant(rs, "signed_up_at")))
			.list();
	}

	// ------------------------------------------------------------------ check-in at the venue

	/** The published activity behind a QR code's secret; 404 for an unknown or rotated secret. */
	ActivityView byToken(String token) {
		CurrentActor.require();
		Long id = token == null || token.length() > 64 ? null
				: jdbc.sql("SELECT id FROM volunteer_activity WHERE checkin_token = ? AND status = 'PUBLISHED'").param(token)
					.query(Long.class).optional().orElse(null);
		if (id == null) {
			throw new NotFoundException("No such check-in code");
		}
		return load(id).orElseThrow();
	}

	/** Signs the caller in at the venue (QR code): registered, signed up, within the activity's time, under the rules. */
	@Transactional
	CheckInResult signIn(String token) {
		ActivityView a = byToken(token);
		VolunteerView v = checkInVolunteer(a);
		Instant now = Instant.now();
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		List<Pair> sameDay = lockedDay(v.id(), today);
		try {
			CheckInPolicy.checkSignIn(sameDay);
		}
		catch (CheckInPolicy.Rejected e) {
			throw messages.rule(e);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_attendance (activity_id, volunteer_id, service_date, signed_in_at, back_dated, status, recorded_by)
				VALUES (?, ?, ?, ?, FALSE, 'APPROVED', ?)""")
			.params(a.id(), v.id(), today, ts(now), CurrentActor.require().name())
			.update(keys, "id");
		AttendanceView row = attendance(keys.getKeyAs(Number.class).longValue());
		return new CheckInResult("SIGNED_IN", row, messages.get("volunteers.checkin.signedIn", a.title()));
	}

	/** Signs the caller out at the venue; needs an open sign-in for this activity today. */
	@Transactional
	CheckInResult signOut(String token) {
		ActivityView a = byToken(token);
		VolunteerView v = checkInVolunteer(a);
		Instant now = Instant.now();
		List<Pair> sameDay = lockedDay(v.id(), LocalDate.ofInstant(now, ZONE));
		Pair open;
		try {
			open = CheckInPolicy.checkSignOut(sameDay, a.id());
		}
		catch (CheckInPolicy.Rejected e) {
			throw messages.rule(e);
		}
		jdbc.sql("UPDATE volunteer_attendance SET signed_out_at = ? WHERE id = ? AND signed_out_at IS NULL")
			.params(ts(now), open.id()).update();
		return new CheckInResult("SIGNED_OUT", attendance(open.id()),
				messages.get("volunteers.checkin.signedOut", a.title()));
	}

	/** Whether the caller has an open sign-in for this activity (the check-in page offers sign-out then). */
	boolean signedIn(ActivityView a) {
		return registry.mine()
			.map(v -> day(v.id(), LocalDate.now(ZONE)).stream().anyMatch(p -> p.activityId() == a.id() && p.open()))
			.orElse(false);
	}

	private VolunteerView checkInVolunteer(ActivityView a) {
		VolunteerView v = registry.requireMine();
		boolean signedUp = jdbc.sql("SELECT COUNT(*) FROM volunteer_signup WHERE activity_id = ? AND volunteer_id = ? AND status = 'SIGNED_UP'")
			.params(a.id(), v.id()).query(Long.class).single() > 0;
		if (!signedUp) {
			throw new ConflictException(messages.get("volunteers.error.notSignedUp"));
		}
		Instant now = Instant.now();
		if (now.isBefore(a.startsAt().minus(CHECK_IN_MARGIN)) || now.isAfter(a.endsAt().plus(CHECK_IN_MARGIN))) {
			throw new ConflictException(messages.get("volunteers.error.outsideTime"));
		}
		return v;
	}

	/** The person's pairs of a day, with the volunteer row locked so one person's check-ins are serialised. */
	private List<Pair> lockedDay(long volunteerId, LocalDate date) {
		jdbc.sql("SELECT id FROM volunteer WHERE id = ? FOR UPDATE").param(volunteerId).query(Long.class).single();
		return day(volunteerId, date);
	}

	private List<Pair> day(long volunteerId, LocalDate date) {
		return jdbc.sql("SELECT * FROM volunteer_attendance WHERE volunteer_id = ? AND service_date = ? ORDER BY signed_in_at")
			.params(volunteerId, date).query(VolunteerActivities::mapPair).list();
	}

	// ------------------------------------------------------------------ back-dated records

	/**
	 * Adds a pair after the fact (补录): by the volunteer for themself, or by the organiser for a volunteer signed up.
	 * It is PENDING and counts towards hours only once the organiser approves it.
	 */
	@Transactional
	AttendanceView backDate(long activityId, BackDate b) {
		Actor actor = CurrentActor.require();
		ActivityView a = find(activityId);
		VolunteerView v;
		if (b.volunteerId() == null) {
			v = registry.requireMine();
		}
		else {
			organised(activityId);
			v = registry.get(b.volunteerId());
		}
		boolean signedUp = jdbc.sql("SELECT COUNT(*) FROM volunteer_signup WHERE activity_id = ? AND volunteer_id = ? AND status = 'SIGNED_UP'")
			.params(a.id(), v.id()).query(Long.class).single() > 0;
		if (!signedUp) {
			throw new ConflictException(messages.get("volunteers.error.notSignedUp"));
		}
		VolunteerMessages.Errors errors = messages.errors();
		Instant in = time(b.signedInAt());
		Instant out = time(b.signedOutAt());
		if (in == null) {
			errors.add("signedInAt", "volunteers.error.time");
		}
		if (out == null) {
			errors.add("signedOutAt", "volunteers.error.time");
		}
		String reason = trim(b.reason());
		if (reason == null || reason.length() > 500) {
			errors.add("reason", "volunteers.error.reason");
		}
		errors.throwIfAny();
		LocalDate date = LocalDate.ofInstant(in, ZONE);
		List<Pair> sameDay = lockedDay(v.id(), date);
		try {
			CheckInPolicy.checkBackDated(sameDay, in, out, Instant.now());
		}
		catch (CheckInPolicy.Rejected e) {
			throw messages.rule(e);
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_attendance (activity_id, volunteer_id, service_date, signed_in_at, signed_out_at, back_dated,
				  status, reason, recorded_by) VALUES (?, ?, ?, ?, ?, TRUE, 'PENDING', ?, ?)""")
			.params(a.id(), v.id(), date, ts(in), ts(out), reason, actor.name())
			.update(keys, "id");
		return attendance(keys.getKeyAs(Number.class).longValue());
	}

	/** The organiser approves or rejects a pending back-dated pair; anyone else gets a 403. */
	@Transactional
	AttendanceView decide(long activityId, long attendanceId, Boolean approve) {
		Actor actor = CurrentActor.require();
		organised(activityId);
		AttendanceView row = attendance(attendanceId);
		if (row.activityId() != activityId) {
			throw new NotFoundException("No such record");
		}
		if (approve == null) {
			messages.errors().add("approve", "volunteers.error.approve").throwIfAny();
		}
		int n = jdbc.sql("UPDATE volunteer_attendance SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'")
			.params(approve ? "APPROVED" : "REJECTED", actor.name(), ts(Instant.now()), attendanceId).update();
		if (n == 0) {
			throw new ConflictException(messages.get("volunteers.error.notPending"));
		}
		return attendance(attendanceId);
	}

	/** All pairs of an activity, for its organiser. */
	List<AttendanceView> attendance(long activityId, boolean organiser) {
		if (organiser) {
			organised(activityId);
			return jdbc.sql(ATTENDANCE + " WHERE a.activity_id = ? ORDER BY a.signed_in_at, a.id").param(activityId)
				.query(VolunteerActivities::mapAttendance).list();
		}
		find(activityId);
		return registry.mine()
			.map(v -> jdbc.sql(ATTENDANCE + " WHERE a.activity_id = ? AND a.volunteer_id = ? ORDER BY a.signed_in_at, a.id")
				.params(activityId, v.id()).query(VolunteerActivities::mapAttendance).list())
			.orElse(List.of());
	}

	private static final String ATTENDANCE = "SELECT a.*, v.name AS volunteer_name FROM volunteer_attendance a JOIN volunteer v ON v.id = a.volunteer_id";

	AttendanceView attendance(long id) {
		return jdbc.sql(ATTENDANCE + " WHERE a.id = ?").param(id).query(VolunteerActivities::mapAttendance).optional()
			.orElseThrow(() -> new NotFoundException("No such record"));
	}

	// ------------------------------------------------------------------ hours

	/** Per volunteer who attended: computed hours, pending pairs, the confirmed record. */
	List<HoursLine> hours(long activityId) {
		ActivityView a = organised(activityId);
		Map<Long, List<Pair>> byVolunteer = new LinkedHashMap<>();
		Map<Long, String[]> names = new LinkedHashMap<>();
		jdbc.sql("SELECT a.*, v.name AS volunteer_name, v.id_number_masked FROM volunteer_attendance a JOIN volunteer v ON v.id = a.volunteer_id WHERE a.activity_id = ? ORDER BY v.name, a.signed_in_at")
			.param(a.id())
			.query((rs, n) -> {
				byVolunteer.computeIfAbsent(rs.getLong("volunteer_id"), k -> new ArrayList<>()).add(mapPair(rs, n));
				names.put(rs.getLong("volunteer_id"), new String[] { rs.getString("volunteer_name"), rs.getString("id_number_masked") });
				return 0;
			})
			.list();
		Map<Long, ServiceRecordView> records = new LinkedHashMap<>();
		records(" WHERE r.activity_id = ?", a.id()).forEach(r -> records.put(r.volunteerId(), r));
		List<HoursLine> lines = new ArrayList<>();
		byVolunteer.forEach((vid, pairs) -> lines.add(new HoursLine(vid, names.get(vid)[0], names.get(vid)[1],
				CheckInPolicy.hours(pairs), pairs.size(),
				(int) pairs.stream().filter(p -> p.status() == CheckInPolicy.Status.PENDING).count(), records.get(vid))));
		return lines;
	}

	/**
	 * The organiser confirms a volunteer's hours on the activity: the hours computed from the approved pairs (travel
	 * excluded), possibly adjusted down with a reason, with the training, commendations and evaluation of the
	 * Measures. Refused while a back-dated pair is pending. Publishes {@link ServiceDelivered}.
	 */
	@Transactional
	ServiceRecordView confirm(long activityId, ConfirmHours c) {
		Actor actor = CurrentActor.require();
		ActivityView a = organised(activityId);
		if (c.volunteerId() == null) {
			messages.errors().add("volunteerId", "volunteers.error.volunteer").throwIfAny();
		}
		VolunteerView v = registry.get(c.volunteerId());
		List<Pair> pairs = jdbc.sql("SELECT * FROM volunteer_attendance WHERE activity_id = ? AND volunteer_id = ? FOR UPDATE")
			.params(a.id(), v.id()).query(VolunteerActivities::mapPair).list();
		if (pairs.isEmpty()) {
			throw new NotFoundException("No attendance");
		}
		try {
			CheckInPolicy.checkConfirmable(pairs);
		}
		catch (CheckInPolicy.Rejected e) {
			throw messages.rule(e);
		}
		BigDecimal computed = CheckInPolicy.hours(pairs);
		if (computed.signum() <= 0) {
			throw new ConflictException(messages.get("volunteers.error.noHours"));
		}
		BigDecimal hours = c.hours() == null ? computed : c.hours().setScale(2, java.math.RoundingMode.HALF_UP);
		VolunteerMessages.Errors errors = messages.errors();
		if (hours.signum() <= 0 || hours.compareTo(computed) > 0) {
			errors.add("hours", "volunteers.error.hours", computed.toPlainString());
		}
		String reason = trim(c.adjustReason());
		if (hours.compareTo(computed) < 0 && reason == null) {
			errors.add("adjustReason", "volunteers.error.adjustReason");
		}
		for (String[] f : new String[][] { { "content", c.content() }, { "training", c.training() },
				{ "commendations", c.commendations() }, { "evaluation", c.evaluation() }, { "adjustReason", reason } }) {
			if (f[1] != null && f[1].length() > 500) {
				errors.add(f[0], "volunteers.error.tooLong", 500);
			}
		}
		errors.throwIfAny();
		String content = trim(c.content()) == null
				? a.title() + "（" + messages.get("volunteers.intention." + a.category().name()) + "）" : c.content().trim();
		LocalDate date = pairs.stream().filter(Pair::countsForHours).map(p -> LocalDate.ofInstant(p.signedIn(), ZONE))
			.min(LocalDate::compareTo).orElse(LocalDate.ofInstant(a.startsAt(), ZONE));
		Instant now = Instant.now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO volunteer_service_record (activity_id, volunteer_id, category, content, computed_hours, hours,
					  adjust_reason, training, commendations, evaluation, service_date, territory_path, confirmed_by, confirmed_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(a.id(), v.id(), a.category().name(), content, computed, hours,
						hours.compareTo(computed) < 0 ? reason : null, trim(c.training()), trim(c.commendations()),
						trim(c.evaluation()), date, a.territoryPath(), actor.name(), ts(now))
				.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(messages.get("volunteers.error.alreadyConfirmed"));
		}
		long id = keys.getKeyAs(Number.class).longValue();
		publishDelivered(a, v, content, hours, date, actor.name());
		return records(" WHERE r.id = ?", id).get(0);
	}

	/** Publishes the confirmed record to the service-hours ledger. */
	void publishDelivered(ActivityView a, VolunteerView v, String content, BigDecimal hours, LocalDate date,
			String confirmedBy) {
		events.publishEvent(delivered(a, v, content, hours, date, confirmedBy));
	}

	/** The ledger's record of a confirmed volunteer's hours on an activity. */
	ServiceDelivered delivered(ActivityView a, VolunteerView v, String content, BigDecimal hours, LocalDate date,
			String confirmedBy) {
		long communityId = v.communityId();
		String path = v.territoryPath();
		TerritoryNode node = territories.lookup(a.territoryId()).orElse(null);
		if (node != null && node.level() == TerritoryLevel.COMMUNITY) {
			communityId = node.id();
			path = node.path();
		}
		return new ServiceDelivered(v.personKey(), v.name(), communityId, path, ServiceSource.ACTIVITY,
				"activity:" + a.id() + "/volunteer:" + v.id(), a.category().name(), content, hours, false,
				a.category() == ServiceIntention.ELDERLY, date.atTime(12, 0).atZone(ZONE).toInstant(), confirmedBy);
	}

	/** The caller's own confirmed records, newest first. */
	List<ServiceRecordView> myRecords() {
		return registry.mine().map(v -> records(" WHERE r.volunteer_id = ? ORDER BY r.service_date DESC, r.id DESC", v.id()))
			.orElse(List.of());
	}

	List<ServiceRecordView> records(String where, Object... params) {
		return jdbc.sql("""
				SELECT r.*, a.title, a.organiser_name, v.name AS volunteer_name, v.id_number_masked
				FROM volunteer_service_record r JOIN volunteer_activity a ON a.id = r.activity_id
				JOIN volunteer v ON v.id = r.volunteer_id""" + where)
			.params(params)
			.query((rs, n) -> new ServiceRecordView(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("title"),
					rs.getString("organiser_name"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"),
					rs.getString("id_number_masked"), ServiceIntention.valueOf(rs.getString("category")),
					rs.getString("content"), rs.getBigDecimal("computed_hours"), rs.getBigDecimal("hours"),
					rs.getString("adjust_reason"), rs.getString("training"), rs.getString("commendations"),
					rs.getString("evaluation"), rs.getObject("service_date", LocalDate.class), rs.getString("confirmed_by"),
					instant(rs, "confirmed_at")))
			.list();
	}

	// ------------------------------------------------------------------ mapping

	static String newToken() {
		byte[] b = new byte[18];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static ActivityView mapActivity(ResultSet rs, int n) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getString("title"), OrganiserKind.valueOf(rs.getString("organiser_kind")),
				rs.getString("organiser_name"), rs.getLong("territory_id"), rs.getString("territory_name"),
				rs.getString("territory_path"), ServiceIntention.valueOf(rs.getString("category")), rs.getString("venue"),
				rs.getString("description"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("status"),
				instant(rs, "published_at"), rs.getString("created_by"), List.of());
	}

	static Pair mapPair(ResultSet rs, int n) throws SQLException {
		return new Pair(rs.getLong("id"), rs.getLong("activity_id"), instant(rs, "signed_in_at"), instant(rs, "signed_out_at"),
				rs.getBoolean("back_dated"), CheckInPolicy.Status.valueOf(rs.getString("status")));
	}

	static AttendanceView mapAttendance(ResultSet rs, int n) throws SQLException {
		return new AttendanceView(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("volunteer_id"),
				rs.getString("volunteer_name"), rs.getObject("service_date", LocalDate.class), instant(rs, "signed_in_at"),
				instant(rs, "signed_out_at"), rs.getBoolean("back_dated"), CheckInPolicy.Status.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("recorded_by"), rs.getString("decided_by"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	static OffsetDateTime ts(Instant i) {
		return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	/** A local date-time of Fuzhou ({@code 2026-12-01T09:00}) or an ISO instant; {@code null} when unreadable. */
	static Instant time(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(s.trim()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(s.trim()).toInstant();
			}
			catch (DateTimeParseException e2) {
				return null;
			}
		}
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}

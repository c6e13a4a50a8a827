package org.jinlin.memberservice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jinlin.accounts.AccountManagement;
import org.jinlin.memberservice.MemberViews.ClaimRequest;
import org.jinlin.memberservice.MemberViews.DeliverRequest;
import org.jinlin.memberservice.MemberViews.Figures;
import org.jinlin.memberservice.MemberViews.MemberRegistrationRequest;
import org.jinlin.memberservice.MemberViews.Need;
import org.jinlin.memberservice.MemberViews.NeedRequest;
import org.jinlin.memberservice.MemberViews.Post;
import org.jinlin.memberservice.MemberViews.PostRequest;
import org.jinlin.memberservice.MemberViews.QuarterlyReport;
import org.jinlin.memberservice.MemberViews.Registration;
import org.jinlin.memberservice.MemberViews.ReportLine;
import org.jinlin.memberservice.MemberViews.Signup;
import org.jinlin.memberservice.MemberViews.UnitRegistrationRequest;
import org.jinlin.memberservice.MemberViews.Wish;
import org.jinlin.memberservice.MemberViews.WishRequest;
import org.jinlin.memberservice.WishStatus.Action;
import org.jinlin.people.ResidentRegister;
import org.jinlin.people.ResidentView;
import org.jinlin.servicehours.ParticipantKind;
import org.jinlin.servicehours.ParticipantRegistered;
import org.jinlin.servicehours.ServiceDelivered;
import org.jinlin.servicehours.ServiceSource;
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
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of member service: who may register, publish, claim, deliver and confirm, in whose jurisdiction. Every
 * query and command checks the current actor here: staff see their subtree (404 outside it), residents only their
 * own wishes, members only their own registrations; a missing role is a 403, an illegal state a 409, a bad field a
 * 400 with field messages.
 */
@Service
@Transactional
class MemberService {

	static final int ELDERLY_AGE = 60;

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Pattern PHONE = Pattern.compile("^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$");

	private static final Pattern QUARTER = Pattern.compile("^(\\d{4})Q([1-4])$");

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private final JdbcClient jdbc;

	private final Territories territories;

	private final ResidentRegister residents;

	private final AccountManagement accounts;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	MemberService(JdbcClient jdbc, Territories territories, ResidentRegister residents, AccountManagement accounts,
			PersonalDataCipher cipher, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.residents = residents;
		this.accounts = accounts;
		this.cipher = cipher;
		this.events = events;
	}

	// ------------------------------------------------------------------ communities

	/** A community by code for a form field: 400 when missing, unknown or not a community. */
	TerritoryNode community(String code, String field) {
		if (code == null || code.isBlank()) {
			throw ValidationFailedException.field(field, "Choose a community");
		}
		return territories.lookupByCode(code.trim()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> ValidationFailedException.field(field, "No community with code " + code.trim()));
	}

	/** The community an account belongs to (its own node, or the community above its grid), if any. */
	Optional<TerritoryNode> homeCommunity(Actor actor) {
		TerritoryNode node = territories.lookup(actor.territoryId()).orElse(null);
		if (node == null || node.level().ordinal() < TerritoryLevel.COMMUNITY.ordinal()) {
			return Optional.empty();
		}
		if (node.level() == TerritoryLevel.COMMUNITY) {
			return Optional.of(node);
		}
		return territories.lookupAll(node.ancestorIds()).stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.findFirst();
	}

	/** Communities a member may register with: those of her district (her own first). */
	@Transactional(readOnly = true)
	List<TerritoryNode> registrableCommunities(Actor actor) {
		Optional<TerritoryNode> home = homeCommunity(actor);
		String prefix = home.map(h -> {
			List<Long> ids = h.ancestorIds();
			return ids.size() >= 2 ? "/" + ids.get(0) + "/" + ids.get(1) + "/" : h.path();
		}).orElse(actor.territoryPath());
		List<TerritoryNode> list = new ArrayList<>(territories.lookupLevelUnder(TerritoryLevel.COMMUNITY, prefix));
		list.sort((a, b) -> home.isPresent() && a.id() == home.get().id() ? -1
				: home.isPresent() && b.id() == home.get().id() ? 1 : a.code().compareTo(b.code()));
		return list;
	}

	private Map<Long, TerritoryNode> nodes(Collection<Long> ids) {
		Map<Long, TerritoryNode> map = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int i = 0; i < distinct.size(); i += 1000) {
			territories.lookupAll(distinct.subList(i, Math.min(distinct.size(), i + 1000))).forEach(n -> map.put(n.id(), n));
		}
		return map;
	}

	static Actor requireStaff(Actor actor) {
		if (!actor.isStaff() || actor.isApiKey()) {
			throw new ForbiddenException("Community staff only");
		}
		return actor;
	}

	/** Staff who publish and record for a community: community workers and up (not grid workers). */
	static Actor requireCommunityStaff(Actor actor) {
		if (actor.isApiKey() || !actor.hasAny(Role.COMMUNITY_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR)) {
			throw new ForbiddenException("Community workers and their superiors only");
		}
		return actor;
	}

	private static void requireCovers(Actor actor, String path) {
		if (!actor.covers(path)) {
			throw new NotFoundException("Not in your jurisdiction");
		}
	}

	// ------------------------------------------------------------------ registrations

	Registration registerMember(MemberRegistrationRequest r) {
		Actor actor = CurrentActor.require();
		if (!actor.has(Role.PARTY_MEMBER) || actor.isApiKey()) {
			throw new ForbiddenException("Only party members register themselves");
		}
		if (r == null) {
			r = new MemberRegistrationRequest(null, null, null, null, null, null);
		}
		List<Map<String, String>> errors = new ArrayList<>();
		TerritoryNode community = fieldCommunity(r.communityCode(), errors);
		String categories = categories(r.categories(), errors);
		String availability = availability(r.availability(), errors);
		String employer = text(r.employer(), "employer", 200, true, errors);
		String skills = text(r.skills(), "skills", 500, false, errors);
		String phone = phone(r.phone(), false, errors);
		failIfAny(errors);
		String name = accounts.lookup(actor.name()).map(AccountManagement.AccountReference::displayName)
			.map(MemberService::plainName).orElse(actor.name());
		long id = insertRegistration("MEMBER", actor.name(), actor.name(), name, employer, null, null, community, skills,
				categories, availability, phone, actor.name());
		events.publishEvent(new ParticipantRegistered(actor.name(), ParticipantKind.PARTY_MEMBER, community.id(),
				community.path(), Instant.now()));
		return registration(id);
	}

	/** "党员 张敏" → "张敏": demo display names carry a role prefix. */
	static String plainName(String displayName) {
		int space = displayName.lastIndexOf(' ');
		return space >= 0 ? displayName.substring(space + 1) : displayName;
	}

	Registration registerUnit(UnitRegistrationRequest r) {
		Actor actor = requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new UnitRegistrationRequest(null, null, null, null, null, null, null, null);
		}
		List<Map<String, String>> errors = new ArrayList<>();
		TerritoryNode community = fieldCommunity(r.communityCode(), errors);
		if (community != null) {
			requireCovers(actor, community.path());
		}
		String unitName = text(r.unitName(), "unitName", 200, true, errors);
		String contact = text(r.contactName(), "contactName", 100, true, errors);
		String phone = phone(r.phone(), true, errors);
		if (r.headcount() == null || r.headcount() < 1 || r.headcount() > 100_000) {
			errors.add(Map.of("field", "headcount", "message", "Headcount from 1 to 100000"));
		}
		String categories = categories(r.categories(), errors);
		String availability = availability(r.availability(), errors);
		String skills = text(r.skills(), "skills", 500, false, errors);
		failIfAny(errors);
		long id = insertRegistration("UNIT", null, null, unitName, unitName, contact, r.headcount(), community, skills,
				categories, availability, phone, actor.name());
		jdbc.sql("UPDATE ms_registration SET person_key = ? WHERE id = ?").params("unit:" + id, id).update();
		events.publishEvent(new ParticipantRegistered("unit:" + id, ParticipantKind.UNIT, community.id(),
				community.path(), Instant.now()));
		return registration(id);
	}

	private long insertRegistration(String kind, String personKey, String username, String displayName,
			String employer, String contact, Integer headcount, TerritoryNode community, String skills, String categories,
			String availability, String phone, String by) {
		String activeKey = (personKey != null ? personKey : "unit-name:" + displayName.toLowerCase(Locale.ROOT)) + "@"
				+ community.id();
		if (jdbc.sql("SELECT COUNT(*) FROM ms_registration WHERE active_key = ?").param(activeKey).query(Long.class)
			.single() > 0) {
			throw new ConflictException("Already registered with " + community.name());
		}
		try {
			return insert("""
					INSERT INTO ms_registration (kind, person_key, username, display_name, employer, contact_name,
					  headcount, community_id, territory_path, skills, categories, availability, phone_enc, phone_masked,
					  status, active_key, registered_at, registered_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""", kind, personKey, username,
					displayName, employer, contact, headcount, community.id(), community.path(), skills, categories,
					availability, cipher.encrypt(phone), Masking.phone(phone), activeKey, OffsetDateTime.now(), by);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Already registered with " + community.name());
		}
	}

	/** Inserts a row and returns its generated id. */
	private long insert(String sql, Object... params) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Registration withdraw(long id) {
		Actor actor = CurrentActor.require();
		StoredRegistration r = visibleRegistration(actor, id);
		if (!r.own(actor) && !(actor.isStaff() && actor.covers(r.territoryPath()))) {
			throw new ForbiddenException("Only the member or community staff may withdraw a registration");
		}
		if (!"ACTIVE".equals(r.status())) {
			throw new ConflictException("This registration was already withdrawn");
		}
		jdbc.sql("""
				UPDATE ms_registration SET status = 'WITHDRAWN', active_key = NULL, withdrawn_at = ?, version = version + 1
				WHERE id = ? AND status = 'ACTIVE'""").params(OffsetDateTime.now(), id).update();
		return registration(id);
	}

	@Transactional(readOnly = true)
	Registration registration(long id) {
		Actor actor = CurrentActor.require();
		return view(visibleRegistration(actor, id));
	}

	private StoredRegistration visibleRegistration(Actor actor, long id) {
		if (!actor.isStaff() && !actor.has(Role.PARTY_MEMBER)) {
			throw new ForbiddenException("Staff and party members only");
		}
		StoredRegistration r = findRegistration(id).orElseThrow(() -> new NotFoundException("No registration " + id));
		if (r.own(actor) || (actor.isStaff() && actor.covers(r.territoryPath()))) {
			return r;
		}
		throw new NotFoundException("No registration " + id);
	}

	/** Staff: registrations in the jurisdiction (or a territory inside it); a member: her own. */
	@Transactional(readOnly = true)
	List<Registration> registrations(String territoryCode, boolean activeOnly) {
		Actor actor = CurrentActor.require();
		if (actor.isStaff() && !actor.isApiKey()) {
			String prefix = scopePrefix(actor, territoryCode);
			return views(jdbc.sql("SELECT * FROM ms_registration WHERE territory_path LIKE ?"
					+ (activeOnly ? " AND status = 'ACTIVE'" : "") + " ORDER BY registered_at DESC, id DESC")
				.param(prefix).query(MemberService::storedRegistration).list());
		}
		if (actor.has(Role.PARTY_MEMBER)) {
			return views(ownRegistrations(actor));
		}
		throw new ForbiddenException("Staff and party members only");
	}

	List<StoredRegistration> ownRegistrations(Actor actor) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE username = ? ORDER BY status, registered_at DESC")
			.param(actor.name()).query(MemberService::storedRegistration).list();
	}

	private String scopePrefix(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.jurisdiction().likePattern();
		}
		TerritoryNode node = territories.lookupByCode(territoryCode.trim())
			.orElseThrow(() -> new NotFoundException("No territory " + territoryCode));
		requireCovers(actor, node.path());
		return node.path() + "%";
	}

	Optional<StoredRegistration> findRegistration(long id) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE id = ?").param(id).query(MemberService::storedRegistration)
			.optional();
	}

	private Optional<StoredRegistration> activeRegistration(String personKey, long communityId) {
		return jdbc.sql("SELECT * FROM ms_registration WHERE active_key = ?").param(personKey + "@" + communityId)
			.query(MemberService::storedRegistration).optional();
	}

	List<Registration> views(List<StoredRegistration> rows) {
		Map<Long, TerritoryNode> communities = nodes(rows.stream().map(StoredRegistration::communityId).toList());
		return rows.stream().map(r -> view(r, communities.get(r.communityId()))).toList();
	}

	private Registration view(StoredRegistration r) {
		return view(r, territories.lookup(r.communityId()).orElse(null));
	}

	private static Registration view(StoredRegistration r, TerritoryNode community) {
		return new Registration(r.id(), r.kind(), r.personKey(), r.displayName(), r.employer(), r.contactName(),
				r.headcount(), r.communityId(), community == null ? null : community.code(),
				community == null ? null : community.name(), r.skills(), split(r.categories()), split(r.availability()),
				r.phoneMasked(), r.status(), r.registeredAt(), r.withdrawnAt());
	}

	record StoredRegistration(long id, String kind, String personKey, String username, String displayName,
			String employer, String contactName, Integer headcount, long communityId, String territoryPath,
			String skills, String categories, String availability, String phoneMasked, String status,
			Instant registeredAt, Instant withdrawnAt) {

		boolean own(Actor actor) {
			return username != null && username.equals(actor.name());
		}
	}

	static StoredRegistration storedRegistration(ResultSet rs, int n) throws SQLException {
		return new StoredRegistration(rs.getLong("id"), rs.getString("kind"), rs.getString("person_key"),
				rs.getString("username"), rs.getString("display_name"), rs.getString("employer"),
				rs.getString("contact_name"), (Integer) rs.getObject("headcount", Integer.class), rs.getLong("community_id"),
				rs.getString("territory_path"), rs.getString("skills"), rs.getString("categories"),
				rs.getString("availability"), rs.getString("phone_masked"), rs.getString("status"),
				instant(rs, "registered_at"), instant(rs, "withdrawn_at"));
	}

	// ------------------------------------------------------------------ needs and posts

	Need createNeed(NeedRequest r) {
		Actor actor = requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new NeedRequest(null, null, null, null);
		}
		List<Map<String, String>> errors = new ArrayList<>();
		TerritoryNode community = fieldCommunity(r.communityCode(), errors);
		if (community != null) {
			requireCovers(actor, community.path());
		}
		String title = text(r.title(), "title", 100, true, errors);
		String description = text(r.description(), "description", 1000, false, errors);
		ServiceCategory category = category(r.category(), errors);
		failIfAny(errors);
		long id = insert("""
				INSERT INTO ms_need (community_id, territory_path, title, description, category, status, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""", community.id(), community.path(), title, description,
				category.name(), OffsetDateTime.now(), actor.name());
		return needs(null).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

	/** Staff: needs in the jurisdiction; others: needs of their own and registered communities. */
	@Transactional(readOnly = true)
	List<Need> needs(String territoryCode) {
		Actor actor = CurrentActor.require();
		List<Need> list = new ArrayList<>();
		for (String prefix : readablePrefixes(actor, territoryCode)) {
			jdbc.sql("SELECT * FROM ms_need WHERE territory_path LIKE ? ORDER BY created_at DESC, id DESC LIMIT 500")
				.param(prefix)
				.query((rs, n) -> new Need(rs.getLong("id"), rs.getLong("community_id"), null, rs.getString("title"),
						rs.getString("description"), rs.getString("category"), rs.getString("status"),
						instant(rs, "created_at")))
				.list()
				.forEach(list::add);
		}
		Map<Long, TerritoryNode> c = nodes(list.stream().map(Need::communityId).toList());
		return list.stream().map(n -> new Need(n.id(), n.communityId(), name(c, n.communityId()), n.title(),
				n.description(), n.category(), n.status(), n.createdAt())).toList();
	}

	Post createPost(PostRequest r) {
		Actor actor = requireCommunityStaff(CurrentActor.require());
		if (r == null) {
			r = new PostRequest(null, null, null, null, null, null, null);
		}
		List<Map<String, String>> errors = new ArrayList<>();
		TerritoryNode community = fieldCommunity(r.communityCode(), errors);
		if (community != null) {
			requireCovers(actor, community.path());
		}
		String title = text(r.title(), "title", 100, true, errors);
		String description = text(r.description(), "description", 1000, false, errors);
		ServiceCategory category = category(r.category(), errors);
		if (r.serviceDate() == null) {
			errors.add(Map.of("field", "serviceDate", "message", "Give the date of service"));
		}
		BigDecimal hours = hours(r.hours(), errors);
		if (r.headcount() == null || r.headcount() < 1 || r.headcount() > 1000) {
			errors.add(Map.of("field", "headcount", "message", "Headcount from 1 to 1000"));
		}
		failIfAny(errors);
		return post(insert("""
				INSERT INTO ms_post (community_id, territory_path, title, description, category, service_date, hours,
				  headcount, taken, status, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?, ?)""", community.id(), community.path(), title, description,
				category.name(), r.serviceDate(), hours, r.headcount(), OffsetDateTime.now(), actor.name()));
	}

	@Transactional(readOnly = true)
	List<Post> posts(String territoryCode) {
		Actor actor = CurrentActor.require();
		Set<Long> mine = actor.has(Role.PARTY_MEMBER) ? jdbc.sql("""
				SELECT s.post_id FROM ms_post_signup s JOIN ms_registration r ON r.id = s.registration_id
				WHERE r.username = ?""").param(actor.name()).query(Long.class).set() : Set.of();
		List<Post> list = new ArrayList<>();
		for (String prefix : readablePrefixes(actor, territoryCode)) {
			jdbc.sql("SELECT * FROM ms_post WHERE territory_path LIKE ? ORDER BY service_date DESC, id DESC LIMIT 500")
				.param(prefix).query((rs, n) -> post(rs, mine)).list().forEach(list::add);
		}
		return named(list);
	}

	private List<Post> named(List<Post> list) {
		Map<Long, TerritoryNode> c = nodes(list.stream().map(Post::communityId).toList());
		return list.stream().map(p -> new Post(p.id(), p.communityId(), name(c, p.communityId()), p.title(),
				p.description(), p.category(), p.serviceDate(), p.hours(), p.headcount(), p.taken(), p.status(),
				p.signedUp())).toList();
	}

	private Post post(long id) {
		return named(List.of(jdbc.sql("SELECT * FROM ms_post WHERE id = ?").param(id).query((rs, n) -> post(rs, Set.of()))
			.single())).get(0);
	}

	private static Post post(ResultSet rs, Set<Long> mine) throws SQLException {
		return new Post(rs.getLong("id"), rs.getLong("community_id"), null, rs.getString("title"),
				rs.getString("description"), rs.getString("category"), rs.getObject("service_date", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getInt("headcount"), rs.getInt("taken"), rs.getString("status"),
				mine.contains(rs.getLong("id")));
	}

	/**
	 * Signs up for a post until its headcount is full: a member for herself (registered with the post's community),
	 * staff for a registered unit. The seat is taken with one conditional update, so concurrent sign-ups never
	 * exceed the headcount; a full post is a 409.
	 */
	Signup signUp(long postId, Long registrationId) {
		Actor actor = CurrentActor.require();
		if (!actor.has(Role.PARTY_MEMBER) && !actor.isStaff()) {
			throw new ForbiddenException("Registered members sign up for posts");
		}
		record Row(long id, long communityId, String path, String status) {
		}
		Row post = jdbc.sql("SELECT id, community_id, territory_path, status FROM ms_post WHERE id = ?").param(postId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional()
			.orElseThrow(() -> new NotFoundException("No post " + postId));
		StoredRegistration reg;
		if (actor.has(Role.PARTY_MEMBER) && registrationId == null) {
			reg = activeRegistration(actor.name(), post.communityId()).orElse(null);
			if (reg == null) {
				if (registeredCommunityIds(actor).isEmpty()) {
					throw new ForbiddenException("Register with the post's community first");
				}
				throw new NotFoundException("No post " + postId);
			}
		}
		else if (actor.isStaff()) {
			requireCovers(actor, post.path());
			if (registrationId == null) {
				throw ValidationFailedException.field("registrationId", "Choose the registered unit or member");
			}
			reg = findRegistration(registrationId).filter(r -> "ACTIVE".equals(r.status())
					&& r.communityId() == post.communityId())
				.orElseThrow(() -> ValidationFailedException.field("registrationId",
						"Not an active registration with this community"));
		}
		else {
			throw new ForbiddenException("Members sign up for themselves");
		}
		if (!"OPEN".equals(post.status())) {
			throw new ConflictException("This post is closed");
		}
		if (jdbc.sql("SELECT COUNT(*) FROM ms_post_signup WHERE post_id = ? AND registration_id = ?")
			.params(postId, reg.id()).query(Long.class).single() > 0) {
			throw new ConflictException("Already signed up for this post");
		}
		int taken = jdbc.sql("UPDATE ms_post SET taken = taken + 1 WHERE id = ? AND status = 'OPEN' AND taken < headcount")
			.param(postId).update();
		if (taken == 0) {
			throw new ConflictException("This post is full: every place has been taken");
		}
		try {
			jdbc.sql("INSERT INTO ms_post_signup (post_id, registration_id, signed_at) VALUES (?, ?, ?)")
				.params(postId, reg.id(), OffsetDateTime.now()).update();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("Already signed up for this post");
		}
		return signups(List.of(reg.id())).stream().filter(s -> s.postId() == postId).findFirst().orElseThrow();
	}

	List<Signup> signups(List<Long> registrationIds) {
		if (registrationIds.isEmpty()) {
			return List.of();
		}
		List<Signup> list = jdbc.sql("""
				SELECT s.id, s.post_id, s.registration_id, p.title, p.service_date, p.hours, p.community_id, s.signed_at
				FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE s.registration_id IN (:ids) ORDER BY p.service_date DESC, s.id DESC""")
			.param("ids", registrationIds)
			.query((rs, n) -> new Signup(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), String.valueOf(rs.getLong(7)),
					instant(rs, "signed_at")))
			.list();
		Map<Long, TerritoryNode> c = nodes(list.stream().map(s -> Long.valueOf(s.communityName())).toList());
		return list.stream().map(s -> new Signup(s.id(), s.postId(), s.registrationId(), s.postTitle(), s.serviceDate(),
				s.hours(), name(c, Long.valueOf(s.communityName())), s.signedAt())).toList();
	}

	/** Paths whose records a non-staff caller may read: her home community and the communities she registered with. */
	private List<String> readablePrefixes(Actor actor, String territoryCode) {
		if (actor.isStaff() && !actor.isApiKey()) {
			return List.of(scopePrefix(actor, territoryCode));
		}
		if (actor.isApiKey()) {
			throw new ForbiddenException("Not for API keys");
		}
		Set<Long> ids = new java.util.LinkedHashSet<>();
		homeCommunity(actor).ifPresent(h -> ids.add(h.id()));
		ids.addAll(registeredCommunityIds(actor));
		return nodes(ids).values().stream().map(TerritoryNode::path).sorted().toList();
	}

	private List<Long> registeredCommunityIds(Actor actor) {
		return jdbc.sql("SELECT community_id FROM ms_registration WHERE username = ? AND status = 'ACTIVE'")
			.param(actor.name()).query(Long.class).list();
	}

	// ------------------------------------------------------------------ micro-wishes

	Wish postWish(WishRequest r) {
		Actor actor = CurrentActor.require();
		if (r == null) {
			r = new WishRequest(null, null, null, null, null, null, null);
		}
		List<Map<String, String>> errors = new ArrayList<>();
		TerritoryNode community;
		String wisherUsername = null;
		Long residentId = null;
		String wisherName;
		boolean elderly = false;
		if (actor.has(Role.RESIDENT) && !actor.isStaff()) {
			community = homeCommunity(actor).orElseThrow(() -> new ForbiddenException("Your account has no community"));
			wisherUsername = actor.name();
			residentId = actor.residentId();
			Optional<ResidentView> resident = residentId == null ? Optional.empty() : residents.lookup(residentId);
			wisherName = resident.map(ResidentView::name).orElseGet(() -> accounts.lookup(actor.name())
				.map(a -> plainName(a.displayName())).orElse(actor.name()));
			elderly = resident.map(v -> elderly(v.birthDate())).orElse(false);
		}
		else if (actor.hasAny(Role.COMMUNITY_WORKER, Role.GRID_WORKER, Role.STREET_OFFICIAL, Role.DISTRICT_OFFICIAL,
				Role.CITY_OFFICIAL, Role.ADMINISTRATOR) && !actor.isApiKey()) {
			if (r.residentId() != null) {
				ResidentView resident = residents.lookup(r.residentId()).filter(v -> actor.covers(v.territoryPath()))
					.orElseThrow(() -> ValidationFailedException.field("residentId", "No such resident in your jurisdiction"));
				community = territories.lookup(resident.communityId()).orElseThrow();
				residentId = resident.id();
				wisherName = resident.name();
				elderly = elderly(resident.birthDate());
			}
			else {
				community = fieldCommunity(r.communityCode(), errors);
				if (community != null) {
					requireCovers(actor, community.path());
				}
				wisherName = text(r.wisherName(), "wisherName", 100, true, errors);
			}
		}
		else {
			throw new ForbiddenException("Residents post wishes; staff may post on a resident's behalf");
		}
		String title = text(r.title(), "title", 100, true, errors);
		String description = text(r.description(), "description", 1000, false, errors);
		ServiceCategory category = category(r.category(), errors);
		if (r.deadline() != null && r.deadline().isBefore(LocalDate.now(ZONE))) {
			errors.add(Map.of("field", "deadline", "message", "The deadline cannot be in the past"));
		}
		failIfAny(errors);
		return wish(insert("""
				INSERT INTO ms_wish (community_id, territory_path, title, description, category, deadline, wisher_username,
				  wisher_resident_id, wisher_name, wisher_elderly, posted_by, status, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""", community.id(), community.path(), title, description,
				category.name(), r.deadline(), wisherUsername, residentId, wisherName, elderly, actor.name(),
				OffsetDateTime.now()));
	}

	static boolean elderly(LocalDate birthDate) {
		return birthDate != null && Period.between(birthDate, LocalDate.now(ZONE)).getYears() >= ELDERLY_AGE;
	}

	/**
	 * Wishes the caller may see: staff all in the jurisdiction; a resident her own; a member the open wishes of the
	 * communities she registered with and those she claimed; a volunteer the open wishes of her community and hers.
	 */
	@Transactional(readOnly = true)
	List<Wish> wishes(String territoryCode, String status) {
		Actor actor = CurrentActor.require();
		String statusFilter = null;
		if (status != null && !status.isBlank()) {
			statusFilter = Arrays.stream(WishStatus.values()).map(Enum::name).filter(s -> s.equalsIgnoreCase(status.trim()))
				.findFirst().orElseThrow(() -> ValidationFailedException.field("status", "Unknown status " + status));
		}
		List<StoredWish> rows;
		if (actor.isApiKey()) {
			throw new ForbiddenException("Not for API keys");
		}
		if (actor.isStaff()) {
			rows = jdbc.sql("SELECT * FROM ms_wish WHERE territory_path LIKE ?"
					+ (statusFilter != null ? " AND status = '" + statusFilter + "'" : "")
					+ " ORDER BY created_at DESC, id DESC LIMIT 1000")
				.param(scopePrefix(actor, territoryCode)).query(MemberService::storedWish).list();
		}
		else if (actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER, Role.RESIDENT)) {
			List<Long> claimable = claimableCommunityIds(actor);
			boolean resident = actor.has(Role.RESIDENT) && actor.residentId() != null;
			var spec = jdbc.sql("SELECT * FROM ms_wish WHERE (wisher_username = :me OR claimer_key = :me"
					+ (resident ? " OR wisher_resident_id = :rid" : "")
					+ " OR (status = 'OPEN' AND community_id IN (:communities))) ORDER BY created_at DESC, id DESC LIMIT 1000")
				.param("me", actor.name())
				.param("communities", claimable.isEmpty() ? List.of(-1L) : claimable);
			if (resident) {
				spec = spec.param("rid", actor.residentId());
			}
			rows = spec.query(MemberService::storedWish).list();
			if (statusFilter != null) {
				String f = statusFilter;
				rows = rows.stream().filter(w -> w.status().name().equals(f)).toList();
			}
		}
		else {
			throw new ForbiddenException("Residents, members, volunteers and staff only");
		}
		return wishViews(actor, rows);
	}

	/** Communities whose open wishes the actor may claim: a member's registered ones, a volunteer's own. */
	List<Long> claimableCommunityIds(Actor actor) {
		List<Long> ids = new ArrayList<>();
		if (actor.has(Role.PARTY_MEMBER)) {
			ids.addAll(registeredCommunityIds(actor));
		}
		if (actor.has(Role.VOLUNTEER)) {
			homeCommunity(actor).ifPresent(h -> ids.add(h.id()));
		}
		return ids;
	}

	@Transactional(readOnly = true)
	Wish wish(long id) {
		Actor actor = CurrentActor.require();
		return wishViews(actor, List.of(visibleWish(actor, id))).get(0);
	}

	private StoredWish visibleWish(Actor actor, long id) {
		if (actor.isApiKey() || !(actor.isStaff() || actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER, Role.RESIDENT))) {
			throw new ForbiddenException("Residents, members, volunteers and staff only");
		}
		StoredWish w = findWish(id).orElseThrow(() -> new NotFoundException("No wish " + id));
		boolean visible = (actor.isStaff() && actor.covers(w.territoryPath())) || w.isWisher(actor)
				|| w.isClaimer(actor)
				|| (w.status() == WishStatus.OPEN && claimableCommunityIds(actor).contains(w.communityId()));
		if (!visible) {
			throw new NotFoundException("No wish " + id);
		}
		return w;
	}

	Wish claim(long id, ClaimRequest request) {
		Actor actor = CurrentActor.require();
		Long unitId = request == null ? null : request.registrationId();
		boolean staffForUnit = unitId != null && actor.isStaff();
		if (!staffForUnit && !actor.hasAny(Role.PARTY_MEMBER, Role.VOLUNTEER)) {
			throw new ForbiddenException("Registered members, units and volunteers claim wishes");
		}
		StoredWish w = visibleWish(actor, id);
		WishStatus next = w.status().after(Action.CLAIM);
		String kind;
		String key;
		String name;
		Long registrationId;
		if (staffForUnit) {
			requireCovers(actor, w.territoryPath());
			StoredRegistration unit = findRegistration(unitId)
				.filter(r -> "UNIT".equals(r.kind()) && "ACTIVE".equals(r.status()) && r.communityId() == w.communityId())
				.orElseThrow(() -> ValidationFailedException.field("registrationId",
						"Not a unit registered with this community"));
			kind = "UNIT";
			key = unit.personKey();
			name = unit.displayName();
			registrationId = unit.id();
		}
		else {
			Optional<StoredRegistration> reg = actor.has(Role.PARTY_MEMBER)
					? activeRegistration(actor.name(), w.communityId()) : Optional.empty();
			if (reg.isPresent()) {
				kind = "PARTY_MEMBER";
				registrationId = reg.get().id();
				name = reg.get().displayName();
			}
			else if (actor.has(Role.VOLUNTEER) && homeCommunity(actor).map(h -> h.id() == w.communityId()).orElse(false)) {
				kind = "VOLUNTEER";
				registrationId = null;
				name = accounts.lookup(actor.name()).map(a -> plainName(a.displayName())).orElse(actor.name());
			}
			else {
				throw new ForbiddenException("Only members and units registered with this community, or its volunteers, may claim");
			}
			key = actor.name();
		}
		if (w.isWisher(actor)) {
			throw new ConflictException("You cannot claim your own wish");
		}
		Map<String, Object> params = new HashMap<>();
		params.put("kind", kind);
		params.put("key", key);
		params.put("name", name);
		params.put("reg", registrationId);
		params.put("now", OffsetDateTime.now());
		move(w, next, """
				claimer_kind = :kind, claimer_key = :key, claimer_name = :name, claimer_registration_id = :reg,
				claimed_at = :now""", params);
		return wish(id);
	}

	Wish release(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visibleWish(actor, id);
		requireClaimerOrStaff(actor, w);
		WishStatus next = w.status().after(Action.RELEASE);
		move(w, next, """
				claimer_kind = NULL, claimer_key = NULL, claimer_name = NULL, claimer_registration_id = NULL,
				claimed_at = NULL""", Map.of());
		return wish(id);
	}

	Wish deliver(long id, DeliverRequest r) {
		Actor actor = CurrentActor.require();
		StoredWish w = visibleWish(actor, id);
		requireClaimerOrStaff(actor, w);
		WishStatus next = w.status().after(Action.DELIVER);
		List<Map<String, String>> errors = new ArrayList<>();
		String note = text(r == null ? null : r.note(), "note", 1000, true, errors);
		BigDecimal hours = hours(r == null ? null : r.hours(), errors);
		failIfAny(errors);
		move(w, next, "delivery_note = :note, hours = :hours, delivered_at = :now",
				Map.of("note", note, "hours", hours, "now", OffsetDateTime.now()));
		return wish(id);
	}

	/**
	 * The resident who posted the wish, or community staff, confirm a delivery; the confirmed service is published as
	 * {@link ServiceDelivered} in the same transaction, so the ledger records it exactly when the confirmation commits.
	 */
	Wish confirm(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visibleWish(actor, id);
		if (!w.isWisher(actor) && !(actor.isStaff() && actor.covers(w.territoryPath()))) {
			throw new ForbiddenException("Only the resident who posted the wish, or community staff, confirm it");
		}
		WishStatus next = w.status().after(Action.CONFIRM);
		Instant now = Instant.now();
		move(w, next, "confirmed_by = :by, confirmed_at = :now",
				Map.of("by", actor.name(), "now", now.atOffset(ZoneOffset.UTC)));
		events.publishEvent(delivered(w, actor.name()));
		return wish(id);
	}

	static ServiceDelivered delivered(StoredWish w, String confirmedBy) {
		boolean elderlyCare = w.elderly() || ServiceCategory.ELDERLY.name().equals(w.category());
		return new ServiceDelivered(w.claimerKey(), w.claimerName(), w.communityId(), w.territoryPath(),
				ServiceSource.MICRO_WISH, "wish:" + w.id(), w.category(), w.title(),
				w.hours().setScale(2, RoundingMode.HALF_UP), true, elderlyCare,
				w.deliveredAt() == null ? Instant.now() : w.deliveredAt(), confirmedBy);
	}

	Wish cancel(long id) {
		Actor actor = CurrentActor.require();
		StoredWish w = visibleWish(actor, id);
		if (!w.isWisher(actor) && !(actor.isStaff() && actor.covers(w.territoryPath()))) {
			throw new ForbiddenException("Only the resident who posted the wish, or community staff, cancel it");
		}
		WishStatus next = w.status().after(Action.CANCEL);
		move(w, next, "cancelled_at = :now", Map.of("now", OffsetDateTime.now()));
		return wish(id);
	}

	private void requireClaimerOrStaff(Actor actor, StoredWish w) {
		if (!w.isClaimer(actor) && !(actor.isStaff() && actor.covers(w.territoryPath()))) {
			throw new ForbiddenException("Only the claimer, or community staff, may do this");
		}
	}

	/** One state change, guarded by the version read: a concurrent change makes it a 409. */
	private void move(StoredWish w, WishStatus next, String set, Map<String, Object> params) {
		var spec = jdbc.sql("UPDATE ms_wish SET status = :status, version = version + 1, " + set
				+ " WHERE id = :id AND version = :version")
			.param("status", next.name()).param("id", w.id()).param("version", w.version());
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		if (spec.update() == 0) {
			throw new ConflictException("The wish changed meanwhile; reload it and try again");
		}
	}

	Optional<StoredWish> findWish(long id) {
		return jdbc.sql("SELECT * FROM ms_wish WHERE id = ?").param(id).query(MemberService::storedWish).optional();
	}

	List<Wish> wishViews(Actor actor, List<StoredWish> rows) {
		Map<Long, TerritoryNode> c = nodes(rows.stream().map(StoredWish::communityId).toList());
		List<Long> claimable = actor.isStaff() ? List.of() : claimableCommunityIds(actor);
		return rows.stream().map(w -> {
			boolean mine = w.isWisher(actor);
			boolean staff = actor.isStaff() && actor.covers(w.territoryPath());
			boolean claimer = w.isClaimer(actor);
			String wisher = mine || staff ? w.wisherName() : Masking.name(w.wisherName());
			boolean canClaim = w.status() == WishStatus.OPEN && !mine && claimable.contains(w.communityId());
			return new Wish(w.id(), w.communityId(), name(c, w.communityId()), w.title(), w.description(), w.category(),
					w.deadline(), wisher, w.elderly() && (mine || staff), w.status().name(), w.claimerKind(),
					w.claimerName(), w.claimedAt(), w.deliveryNote(), w.hours(), w.deliveredAt(), w.confirmedBy(),
					w.confirmedAt(), w.createdAt(), mine, claimer, canClaim,
					(claimer || staff) && w.status().allows(Action.RELEASE),
					(claimer || staff) && w.status().allows(Action.DELIVER),
					(mine || staff) && w.status().allows(Action.CONFIRM),
					(mine || staff) && w.status().allows(Action.CANCEL));
		}).toList();
	}

	record StoredWish(long id, long communityId, String territoryPath, String title, String description,
			String category, LocalDate deadline, String wisherUsername, Long wisherResidentId, String wisherName,
			boolean elderly, WishStatus status, String claimerKind, String claimerKey, String claimerName,
			Long claimerRegistrationId, Instant claimedAt, String deliveryNote, BigDecimal hours, Instant deliveredAt,
			String confirmedBy, Instant confirmedAt, Instant createdAt, int version) {

		boolean isWisher(Actor actor) {
			return (wisherUsername != null && wisherUsername.equals(actor.name()))
					|| (wisherResidentId != null && actor.has(Role.RESIDENT) && wisherResidentId.equals(actor.residentId()));
		}

		boolean isClaimer(Actor actor) {
			return claimerKey != null && claimerKey.equals(actor.name());
		}
	}

	static StoredWish storedWish(ResultSet rs, int n) throws SQLException {
		return new StoredWish(rs.getLong("id"), rs.getLong("community_id"), rs.getString("territory_path"),
				rs.getString("title"), rs.getString("description"), rs.getString("category"),
				rs.getObject("deadline", LocalDate.class), rs.getString("wisher_username"),
				rs.getObject("wisher_resident_id", Long.class), rs.getString("wisher_name"), rs.getBoolean("wisher_elderly"),
				WishStatus.valueOf(rs.getString("status")), rs.getString("claimer_kind"), rs.getString("claimer_key"),
				rs.getString("claimer_name"), rs.getObject("claimer_registration_id", Long.class),
				instant(rs, "claimed_at"), rs.getString("delivery_note"), rs.getBigDecimal("hours"),
				instant(rs, "delivered_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
				instant(rs, "created_at"), rs.getInt("version"));
	}

	// ------------------------------------------------------------------ figures and reports

	/** Figures of a territory inside the staff member's jurisdiction (default: her own node). */
	@Transactional(readOnly = true)
	Figures figures(String territoryCode) {
		Actor actor = requireStaff(CurrentActor.require());
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.lookupByCode(territoryCode.trim()).orElseThrow(() -> new NotFoundException("No territory"));
		requireCovers(actor, node.path());
		String p = node.path() + "%";
		long members = count("SELECT COUNT(*) FROM ms_registration WHERE status = 'ACTIVE' AND kind = 'MEMBER' AND territory_path LIKE ?", p);
		long units = count("SELECT COUNT(*) FROM ms_registration WHERE status = 'ACTIVE' AND kind = 'UNIT' AND territory_path LIKE ?", p);
		long posted = count("SELECT COUNT(*) FROM ms_wish WHERE territory_path LIKE ?", p);
		long fulfilled = count("SELECT COUNT(*) FROM ms_wish WHERE status = 'CONFIRMED' AND territory_path LIKE ?", p);
		long open = count("SELECT COUNT(*) FROM ms_wish WHERE status = 'OPEN' AND territory_path LIKE ?", p);
		long signups = count("""
				SELECT COUNT(*) FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE p.territory_path LIKE ? AND p.service_date <= CURRENT_DATE""", p);
		BigDecimal wishHours = jdbc.sql("SELECT COALESCE(SUM(hours), 0) FROM ms_wish WHERE status = 'CONFIRMED' AND territory_path LIKE ?")
			.param(p).query(BigDecimal.class).single();
		BigDecimal postHours = jdbc.sql("""
				SELECT COALESCE(SUM(p.hours), 0) FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE p.territory_path LIKE ? AND p.service_date <= CURRENT_DATE""").param(p).query(BigDecimal.class).single();
		return new Figures(node.code(), node.name(), members + units, members, units, posted, fulfilled, open, signups,
				fulfilled + signups, wishHours.add(postHours).setScale(2, RoundingMode.HALF_UP));
	}

	private long count(String sql, String prefix) {
		return jdbc.sql(sql).param(prefix).query(Long.class).single();
	}

	/** A member's (or unit's) service in a quarter, for her employer unit: staff in jurisdiction or the member. */
	@Transactional(readOnly = true)
	QuarterlyReport report(long registrationId, String quarter) {
		Actor actor = CurrentActor.require();
		StoredRegistration r = visibleRegistration(actor, registrationId);
		Matcher m = QUARTER.matcher(quarter == null ? "" : quarter.trim().toUpperCase(Locale.ROOT));
		if (!m.matches()) {
			throw ValidationFailedException.field("quarter", "A quarter like 2026Q4");
		}
		int year = Integer.parseInt(m.group(1));
		int q = Integer.parseInt(m.group(2));
		LocalDate from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
		LocalDate to = from.plusMonths(3).minusDays(1);
		OffsetDateTime start = from.atStartOfDay(ZONE).toOffsetDateTime();
		OffsetDateTime end = to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
		Map<Long, TerritoryNode> c = new LinkedHashMap<>();
		List<ReportLine> lines = new ArrayList<>();
		jdbc.sql("""
				SELECT confirmed_at, title, community_id, hours FROM ms_wish
				WHERE status = 'CONFIRMED' AND (claimer_registration_id = ? OR claimer_key = ?)
				  AND confirmed_at >= ? AND confirmed_at < ? ORDER BY confirmed_at""")
			.params(r.id(), r.personKey() == null ? "-" : r.personKey(), start, end)
			.query((rs, n) -> new ReportLine(instant(rs, "confirmed_at").atZone(ZONE).toLocalDate(), "MICRO_WISH",
					rs.getString("title"), String.valueOf(rs.getLong("community_id")), rs.getBigDecimal("hours")))
			.list().forEach(lines::add);
		jdbc.sql("""
				SELECT p.service_date, p.title, p.community_id, p.hours FROM ms_post_signup s JOIN ms_post p ON p.id = s.post_id
				WHERE s.registration_id = ? AND p.service_date >= ? AND p.service_date <= ? AND p.service_date <= CURRENT_DATE
				ORDER BY p.service_date""")
			.params(r.id(), from, to)
			.query((rs, n) -> new ReportLine(rs.getObject(1, LocalDate.class), "SERVICE_POST", rs.getString(2),
					String.valueOf(rs.getLong(3)), rs.getBigDecimal(4)))
			.list().forEach(lines::add);
		c.putAll(nodes(lines.stream().map(l -> Long.valueOf(l.communityName())).toList()));
		List<ReportLine> named = lines.stream()
			.map(l -> new ReportLine(l.date(), l.kind(), l.content(), name(c, Long.valueOf(l.communityName())), l.hours()))
			.sorted((a, b) -> a.date().compareTo(b.date())).toList();
		BigDecimal total = named.stream().map(ReportLine::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO,
				BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
		return new QuarterlyReport(view(r), "%dQ%d".formatted(year, q), from, to, named, total, named.size());
	}

	static String currentQuarter() {
		LocalDate today = LocalDate.now(ZONE);
		return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
	}

	// ------------------------------------------------------------------ validation helpers

	private TerritoryNode fieldCommunity(String code, List<Map<String, String>> errors) {
		try {
			return community(code, "communityCode");
		}
		catch (ValidationFailedException e) {
			errors.addAll(e.errors());
			return null;
		}
	}

	private static String text(String value, String field, int max, boolean required, List<Map<String, String>> errors) {
		String v = value == null ? null : value.strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				errors.add(Map.of("field", field, "message", "Required"));
			}
			return null;
		}
		if (v.length() > max) {
			errors.add(Map.of("field", field, "message", "At most " + max + " characters"));
		}
		return v;
	}

	private static String phone(String value, boolean required, List<Map<String, String>> errors) {
		String v = value == null ? null : value.replace(" ", "").strip();
		if (v == null || v.isEmpty()) {
			if (required) {
				errors.add(Map.of("field", "phone", "message", "Required"));
			}
			return null;
		}
		if (!PHONE.matcher(v).matches()) {
			errors.add(Map.of("field", "phone", "message", "A mobile number of 11 digits or a landline like 0591-87654321"));
		}
		return v;
	}

	private static ServiceCategory category(String value, List<Map<String, String>> errors) {
		Optional<ServiceCategory> c = ServiceCategory.parse(value);
		if (c.isEmpty()) {
			errors.add(Map.of("field", "category", "message", "Choose a category"));
		}
		return c.orElse(null);
	}

	private static String categories(List<String> values, List<Map<String, String>> errors) {
		List<ServiceCategory> list = values == null ? List.of()
				: values.stream().map(ServiceCategory::parse).flatMap(Optional::stream).distinct().sorted().toList();
		if (list.isEmpty() || (values != null && list.size() < values.stream().filter(Objects::nonNull).distinct().count())) {
			errors.add(Map.of("field", "categories", "message", "Choose one or more service categories"));
		}
		return list.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	private static String availability(List<String> values, List<Map<String, String>> errors) {
		List<Availability> list = values == null ? List.of()
				: values.stream().map(Availability::parse).flatMap(Optional::stream).distinct().sorted().toList();
		if (list.isEmpty() || (values != null && list.size() < values.stream().filter(Objects::nonNull).distinct().count())) {
			errors.add(Map.of("field", "availability", "message", "Choose when you can serve"));
		}
		return list.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static BigDecimal hours(BigDecimal hours, List<Map<String, String>> errors) {
		if (hours == null) {
			errors.add(Map.of("field", "hours", "message", "Give the hours of service (travel excluded)"));
			return null;
		}
		if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
			errors.add(Map.of("field", "hours", "message", "Hours must be more than 0 and at most 24"));
		}
		else if (hours.stripTrailingZeros().scale() > 2) {
			errors.add(Map.of("field", "hours", "message", "At most two decimals"));
		}
		return hours.setScale(2, RoundingMode.HALF_UP);
	}

	private static void failIfAny(List<Map<String, String>> errors) {
		if (!errors.isEmpty()) {
			throw new ValidationFailedException("Invalid fields: "
					+ errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", ")), errors);
		}
	}

	private static String name(Map<Long, TerritoryNode> nodes, long id) {
		TerritoryNode n = nodes.get(id);
		return n == null ? null : n.name();
	}

	static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}
}

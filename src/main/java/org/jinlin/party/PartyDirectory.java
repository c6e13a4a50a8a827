package org.jinlin.party;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree, rosters and coverage, with their rules. Staff read organisations whose node lies in their
 * jurisdiction (404 otherwise); community workers and above create organisations and add members there. Phones are
 * stored encrypted and shown masked.
 */
@Service
@Transactional(readOnly = true)
class PartyDirectory {

	static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	PartyDirectory(JdbcClient jdbc, Territories territories, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.territories = territories;
		this.cipher = cipher;
	}

	// ------------------------------------------------------------------ views

	/** A row of the organisation list. */
	record OrgRow(long id, String name, OrgKind kind, Long parentId, long territoryId, String territoryPath,
			String territoryName, String communityName, String secretaryName, String secretaryCadre,
			String secretaryPhone, int memberCount, int compoundCount) {
	}

	record OrgList(long total, List<OrgRow> items) {
	}

	record CompoundView(long id, String code, String name) {
	}

	record MemberView(long id, String name, String gender, int birthYear, int joinedYear, String accountUsername,
			String employerUnit, boolean inService, String phone) {
	}

	/** One organisation with its compounds, sub-organisations and roster. */
	record OrgDetail(long id, String name, OrgKind kind, Long parentId, String parentName, long territoryId,
			String territoryCode, String territoryName, String territoryPath, String secretaryName, String secretaryCadre,
			String secretaryPhone, int memberCount, List<CompoundView> compounds, List<OrgRow> children,
			List<MemberView> members) {
	}

	/** A node of a community's tree, for the page. */
	record TreeNode(OrgRow org, List<TreeNode> children) {
	}

	record ChildCoverage(String code, String name, long compounds, long covered, BigDecimal rate) {
	}

	/** Coverage of a node and of each of its children. */
	record Coverage(String territoryCode, String territoryName, String level, long compounds, long covered,
			long uncovered, BigDecimal rate, List<ChildCoverage> children) {

		public BigDecimal percent() {
			return rate == null ? null : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
		}
	}

	/** What a client posts to create an organisation. */
	record OrgDraft(String name, String kind, Long parentId, String territoryCode, String secretaryName,
			String secretaryCadre, String secretaryPhone, Integer memberCount, List<String> compoundCodes) {
	}

	/** What a client posts to add a member to a roster. */
	record MemberDraft(String name, String gender, Integer birthYear, Integer joinedYear, String accountUsername,
			String employerUnit, Boolean inService, String phone) {
	}

	private record Stored(long id, String name, String kind, Long parentId, long territoryId, String territoryPath,
			String secretaryName, String secretaryCadre, String secretaryPhoneMasked, int memberCount, int compoundCount) {
	}

	private static final String SELECT = """
			SELECT o.id, o.name, o.kind, o.parent_id, o.territory_id, o.territory_path, o.secretary_name, o.secretary_cadre,
			       o.secretary_phone_masked, o.member_count,
			       (SELECT COUNT(*) FROM party_org_compound c WHERE c.org_id = o.id) AS compound_count
			FROM party_org o""";

	// ------------------------------------------------------------------ queries

	/** The node a filter names, inside the actor's jurisdiction (404 outside or unknown); the actor's own node without one. */
	TerritoryNode node(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId()).orElseThrow(() -> new NotFoundException("No territory"));
		}
		return territories.lookupByCode(code.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	OrgList search(String territoryCode, String kind, String q, int limit) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = node(actor, territoryCode);
		StringBuilder where = new StringBuilder(" WHERE o.territory_path LIKE :path");
		Map<String, Object> params = new HashMap<>();
		params.put("path", node.path() + "%");
		OrgKind k = OrgKind.parse(kind).orElse(null);
		if (k != null) {
			where.append(" AND o.kind = :kind");
			params.put("kind", k.name());
		}
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(o.name) LIKE :q OR LOWER(o.secretary_name) LIKE :q)");
			params.put("q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM party_org o" + where).params(params).query(Long.class).single();
		List<Stored> rows = jdbc.sql(SELECT + where + " ORDER BY o.territory_path, o.kind, o.id LIMIT " + limit)
			.params(params).query(Stored.class).list();
		return new OrgList(total, rows(rows));
	}

	/** Every organisation matching the filters, for the Excel export. */
	List<OrgRow> all(String territoryCode, String kind, String q) {
		return search(territoryCode, kind, q, Integer.MAX_VALUE / 2).items();
	}

	/** The trees of the communities under (or at) a node: committee, its branches and their groups, then the others. */
	List<TreeNode> trees(TerritoryNode node) {
		PartyAccess.requireReader();
		List<OrgRow> rows = rows(jdbc.sql(SELECT + " WHERE o.territory_path LIKE ? ORDER BY o.kind, o.name, o.id")
			.param(node.path() + "%").query(Stored.class).list());
		Map<Long, List<OrgRow>> byParent = new HashMap<>();
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> ids.add(r.id()));
		List<OrgRow> roots = new ArrayList<>();
		for (OrgRow r : rows) {
			if (r.parentId() != null && ids.contains(r.parentId())) {
				byParent.computeIfAbsent(r.parentId(), x -> new ArrayList<>()).add(r);
			}
			else {
				roots.add(r);
			}
		}
		roots.sort(java.util.Comparator.comparing(OrgRow::territoryPath).thenComparing(OrgRow::kind));
		return roots.stream().map(r -> tree(r, byParent)).toList();
	}

	private static TreeNode tree(OrgRow row, Map<Long, List<OrgRow>> byParent) {
		return new TreeNode(row, byParent.getOrDefault(row.id(), List.of()).stream().map(c -> tree(c, byParent)).toList());
	}

	OrgDetail find(long id) {
		Actor actor = PartyAccess.requireReader();
		return detail(stored(actor, id));
	}

	private Stored stored(Actor actor, long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(Stored.class).optional()
			.filter(o -> actor.covers(o.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No party organisation " + id));
	}

	private OrgDetail detail(Stored o) {
		List<Long> compoundIds = jdbc.sql("SELECT compound_id FROM party_org_compound WHERE org_id = ? ORDER BY compound_id")
			.param(o.id()).query(Long.class).list();
		Set<Long> nodeIds = new HashSet<>(compoundIds);
		nodeIds.add(o.territoryId());
		Map<Long, TerritoryNode> nodes = nodes(nodeIds);
		TerritoryNode at = nodes.get(o.territoryId());
		String parentName = o.parentId() == null ? null
				: jdbc.sql("SELECT name FROM party_org WHERE id = ?").param(o.parentId()).query(String.class).optional()
					.orElse(null);
		List<OrgRow> children = rows(jdbc.sql(SELECT + " WHERE o.parent_id = ? ORDER BY o.kind, o.name, o.id")
			.param(o.id()).query(Stored.class).list());
		List<MemberView> members = jdbc.sql("""
				SELECT id, name, gender, birth_year, joined_year, account_username, employer_unit, in_service,
				       phone_masked AS phone
				FROM party_member WHERE org_id = ? ORDER BY joined_year, id""").param(o.id()).query(MemberView.class).list();
		return new OrgDetail(o.id(), o.name(), OrgKind.valueOf(o.kind()), o.parentId(), parentName, o.territoryId(),
				at == null ? null : at.code(), at == null ? null : at.name(), o.territoryPath(), o.secretaryName(),
				o.secretaryCadre(), o.secretaryPhoneMasked(), o.memberCount(),
				compoundIds.stream().map(nodes::get).filter(java.util.Objects::nonNull)
					.map(n -> new CompoundView(n.id(), n.code(), n.name())).toList(),
				children, members);
	}

	private List<OrgRow> rows(List<Stored> stored) {
		Set<Long> ids = new HashSet<>();
		stored.forEach(s -> {
			ids.add(s.territoryId());
			community(s.territoryPath()).ifPresent(ids::add);
		});
		Map<Long, TerritoryNode> nodes = nodes(ids);
		return stored.stream().map(s -> {
			TerritoryNode at = nodes.get(s.territoryId());
			TerritoryNode community = community(s.territoryPath()).map(nodes::get).orElse(null);
			return new OrgRow(s.id(), s.name(), OrgKind.valueOf(s.kind()), s.parentId(), s.territoryId(), s.territoryPath(),
					at == null ? null : at.name(), community == null ? null : community.name(), s.secretaryName(),
					s.secretaryCadre(), s.secretaryPhoneMasked(), s.memberCount(), s.compoundCount());
		}).toList();
	}

	/** The community on a path: the fourth id (city, district, street, community). */
	static Optional<Long> community(String path) {
		String[] parts = path.split("/");
		return parts.length > 4 ? Optional.of(Long.valueOf(parts[4])) : Optional.empty();
	}

	private Map<Long, TerritoryNode> nodes(Collection<Long> ids) {
		Map<Long, TerritoryNode> map = new HashMap<>();
		List<Long> list = new ArrayList<>(ids);
		for (int i = 0; i < list.size(); i += 1000) {
			territories.lookupAll(list.subList(i, Math.min(list.size(), i + 1000))).forEach(n -> map.put(n.id(), n));
		}
		return map;
	}

	// ------------------------------------------------------------------ coverage

	Coverage coverage(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		return coverage(node(actor, territoryCode));
	}

	Coverage coverage(TerritoryNode node) {
		List<CoverageRule.Compound> compounds = territories.lookupLevelUnder(TerritoryLevel.COMPOUND, node.path()).stream()
			.map(n -> new CoverageRule.Compound(n.id(), n.path())).toList();
		Set<Long> covered = covered(node.path());
		CoverageRule.Figure total = CoverageRule.figure(node.path(), compounds, covered);
		List<ChildCoverage> children = new ArrayList<>();
		TerritoryLevel childLevel = node.level().childLevel();
		if (childLevel != null && childLevel != TerritoryLevel.BUILDING) {
			List<TerritoryNode> kids = territories.lookupLevelUnder(childLevel, node.path()).stream()
				.filter(n -> node.id() == (n.parentId() == null ? -1 : n.parentId()))
				.sorted(java.util.Comparator.comparing(TerritoryNode::code)).toList();
			Map<Long, CoverageRule.Figure> figures = CoverageRule.byChild(node.path(),
					kids.stream().map(TerritoryNode::id).toList(), compounds, covered);
			for (TerritoryNode k : kids) {
				CoverageRule.Figure f = figures.get(k.id());
				children.add(new ChildCoverage(k.code(), k.name(), f.compounds(), f.covered(), f.rate()));
			}
		}
		return new Coverage(node.code(), node.name(), node.level().name(), total.compounds(), total.covered(),
				total.uncovered(), total.rate(), children);
	}

	/** Ids of compounds under the path covered by at least one compound branch. */
	private Set<Long> covered(String path) {
		return new HashSet<>(jdbc.sql("""
				SELECT DISTINCT c.compound_id FROM party_org_compound c JOIN party_org o ON o.id = c.org_id
				WHERE o.kind = 'COMPOUND_BRANCH' AND c.compound_path LIKE ?""").param(path + "%").query(Long.class).list());
	}

	// ------------------------------------------------------------------ writes

	@Transactional
	OrgDetail create(OrgDraft d) {
		Actor actor = PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("name", d.name(), 100);
		OrgKind kind = OrgKind.parse(d.kind()).orElse(null);
		if (kind == null) {
			errors.add("kind", "must be one of " + java.util.Arrays.toString(OrgKind.values()));
		}
		if (d.territoryCode() == null || d.territoryCode().isBlank()) {
			errors.add("territoryCode", "must not be blank");
		}
		String cadre = d.secretaryCadre() == null || d.secretaryCadre().isBlank() ? "NONE" : d.secretaryCadre().strip();
		if (!Set.of("NONE", "SERVING", "RETIRED").contains(cadre)) {
			errors.add("secretaryCadre", "must be NONE, SERVING or RETIRED");
		}
		if (d.secretaryName() != null && d.secretaryName().strip().length() > 50) {
			errors.add("secretaryName", "at most 50 characters");
		}
		if (!PartyAccess.validPhone(d.secretaryPhone())) {
			errors.add("secretaryPhone", "must be a mobile or landline number");
		}
		if (d.memberCount() != null && (d.memberCount() < 0 || d.memberCount() > 100_000)) {
			errors.add("memberCount", "must be between 0 and 100000");
		}
		errors.throwIfAny();
		TerritoryNode at = territories.lookupByCode(d.territoryCode().strip()).orElse(null);
		if (at == null) {
			errors.add("territoryCode", "unknown territory code").throwIfAny();
		}
		if (!actor.covers(at.path())) {
			throw new NotFoundException("No territory with code " + d.territoryCode());
		}
		if (kind == OrgKind.COMMUNITY_COMMITTEE && at.level() != TerritoryLevel.COMMUNITY) {
			errors.add("territoryCode", "a community committee sits at a community");
		}
		if (d.parentId() != null) {
			Stored parent = jdbc.sql(SELECT + " WHERE o.id = ?").param(d.parentId()).query(Stored.class).optional()
				.filter(p -> actor.covers(p.territoryPath())).orElse(null);
			if (parent == null) {
				errors.add("parentId", "no such organisation in your jurisdiction");
			}
			else {
				String scope = community(parent.territoryPath()).map(c -> cutAt(parent.territoryPath(), c))
					.orElse(parent.territoryPath());
				if (!at.path().startsWith(scope)) {
					errors.add("parentId", "the parent belongs to another community");
				}
			}
		}
		else if (kind == OrgKind.COMPOUND_BRANCH || kind == OrgKind.BUILDING_GROUP) {
			errors.add("parentId", "must not be blank");
		}
		List<TerritoryNode> compounds = new ArrayList<>();
		for (String code : d.compoundCodes() == null ? List.<String>of() : d.compoundCodes()) {
			TerritoryNode c = code == null ? null : territories.lookupByCode(code.strip()).orElse(null);
			if (c == null || c.level() != TerritoryLevel.COMPOUND || !c.path().startsWith(at.path())
					&& !at.path().startsWith(c.path())) {
				errors.add("compoundCodes", "not a compound at the organisation's place: " + code);
			}
			else {
				compounds.add(c);
			}
		}
		if (kind == OrgKind.COMPOUND_BRANCH && compounds.isEmpty() && !errors.has("compoundCodes")) {
			errors.add("compoundCodes", "a compound branch covers at least one compound");
		}
		errors.throwIfAny();
		String phone = PartyAccess.strip(d.secretaryPhone());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_org (name, kind, parent_id, territory_id, territory_path, secretary_name, secretary_cadre,
				  secretary_phone_cipher, secretary_phone_masked, member_count, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.name().strip(), kind.name(), d.parentId(), at.id(), at.path(), PartyAccess.strip(d.secretaryName()),
					cadre, cipher.encrypt(phone), Masking.phone(phone), d.memberCount() == null ? 0 : d.memberCount(),
					OffsetDateTime.now(), actor.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (TerritoryNode c : compounds.stream().distinct().toList()) {
			jdbc.sql("INSERT INTO party_org_compound (org_id, compound_id, compound_path) VALUES (?, ?, ?)")
				.params(id, c.id(), c.path()).update();
		}
		return find(id);
	}

	private static String cutAt(String path, long id) {
		String marker = "/" + id + "/";
		int i = path.indexOf(marker);
		return path.substring(0, i + marker.length());
	}

	@Transactional
	MemberView addMember(long orgId, MemberDraft d) {
		Actor actor = PartyAccess.requireReader();
		Stored org = stored(actor, orgId);
		PartyAccess.requireWriter();
		PartyAccess.Errors errors = new PartyAccess.Errors();
		errors.requireText("name", d.name(), 50);
		if (d.gender() == null || !Set.of("MALE", "FEMALE").contains(d.gender())) {
			errors.add("gender", "must be MALE or FEMALE");
		}
		int now = Year.now().getValue();
		if (d.birthYear() == null || d.birthYear() < now - 120 || d.birthYear() > now - 18) {
			errors.add("birthYear", "must be a year between " + (now - 120) + " and " + (now - 18));
		}
		if (d.joinedYear() == null || d.joinedYear() < 1921 || d.joinedYear() > now
				|| d.birthYear() != null && d.joinedYear() < d.birthYear() + 18) {
			errors.add("joinedYear", "must be a year from age 18 up to this year");
		}
		if (d.inService() == null) {
			errors.add("inService", "must not be blank");
		}
		if (!PartyAccess.validPhone(d.phone())) {
			errors.add("phone", "must be a mobile or landline number");
		}
		errors.throwIfAny();
		String phone = PartyAccess.strip(d.phone());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO party_member (org_id, territory_path, name, gender, birth_year, joined_year, account_username,
				  employer_unit, in_service, phone_cipher, phone_masked, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(org.id(), org.territoryPath(), d.name().strip(), d.gender(), d.birthYear(), d.joinedYear(),
					PartyAccess.strip(d.accountUsername()), PartyAccess.strip(d.employerUnit()), d.inService(),
					cipher.encrypt(phone), Masking.phone(phone), OffsetDateTime.now())
			.update(keys, "id");
		jdbc.sql("UPDATE party_org SET member_count = member_count + 1 WHERE id = ?").param(org.id()).update();
		long id = keys.getKey().longValue();
		return new MemberView(id, d.name().strip(), d.gender(), d.birthYear(), d.joinedYear(),
				PartyAccess.strip(d.accountUsername()), PartyAccess.strip(d.employerUnit()), d.inService(),
				Masking.phone(phone));
	}

	// ------------------------------------------------------------------ for other modules (unscoped)

	Optional<PartyOrganisations.OrgRef> lookup(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(Stored.class).optional().map(PartyDirectory::ref);
	}

	List<PartyOrganisations.OrgRef> lookupUnder(String path) {
		return jdbc.sql(SELECT + " WHERE o.territory_path LIKE ? ORDER BY o.territory_path, o.kind, o.id")
			.param(path + "%").query(Stored.class).list().stream().map(PartyDirectory::ref).toList();
	}

	PartyOrganisations.CoverageRef coverageRef(long territoryId) {
		TerritoryNode node = territories.lookup(territoryId)
			.orElseThrow(() -> new NotFoundException("No territory " + territoryId));
		Coverage c = coverage(node);
		return new PartyOrganisations.CoverageRef(territoryId, c.compounds(), c.covered(), c.rate());
	}

	private static PartyOrganisations.OrgRef ref(Stored s) {
		return new PartyOrganisations.OrgRef(s.id(), s.name(), OrgKind.valueOf(s.kind()), s.parentId(), s.territoryId(),
				s.territoryPath(), s.secretaryName(), s.memberCount());
	}

	static Map<String, Object> chart(Coverage c, String coveredLabel, String uncoveredLabel) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("names", c.children().stream().map(ChildCoverage::name).toList());
		data.put("covered", c.children().stream().map(ChildCoverage::covered).toList());
		data.put("uncovered", c.children().stream().map(x -> x.compounds() - x.covered()).toList());
		data.put("coveredLabel", coveredLabel);
		data.put("uncoveredLabel", uncoveredLabel);
		return data;
	}
}

package org.jinlin.party.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.OrgKind;
import org.jinlin.party.PartyOrganisations;
import org.jinlin.party.internal.PartyOrgRepository.Stored;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree, rosters and coverage: staff read organisations whose node lies in their jurisdiction (404
 * otherwise); phones are shown masked. Changes are {@link OrganisationRegister}'s.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class PartyDirectory {

	public static final int LIST_LIMIT = 200;

	private final PartyOrgRepository orgs;

	private final Territories territories;

	// ------------------------------------------------------------------ views

	/** A row of the organisation list. */
	public record OrgRow(long id, String name, OrgKind kind, Long parentId, long territoryId, String territoryPath,
			String territoryName, String communityName, String secretaryName, String secretaryCadre,
			String secretaryPhone, int memberCount, int compoundCount) {
	}

	public record OrgList(long total, List<OrgRow> items) {
	}

	public record CompoundView(long id, String code, String name) {
	}

	public record MemberView(long id, String name, String gender, int birthYear, int joinedYear, String accountUsername,
			String employerUnit, boolean inService, String phone) {
	}

	/** One organisation with its compounds, sub-organisations and roster. */
	public record OrgDetail(long id, String name, OrgKind kind, Long parentId, String parentName, long territoryId,
			String territoryCode, String territoryName, String territoryPath, String secretaryName, String secretaryCadre,
			String secretaryPhone, int memberCount, List<CompoundView> compounds, List<OrgRow> children,
			List<MemberView> members) {
	}

	/** A node of a community's tree, for the page. */
	public record TreeNode(OrgRow org, List<TreeNode> children) {
	}

	public record ChildCoverage(String code, String name, long compounds, long covered, BigDecimal rate) {
	}

	/** Coverage of a node and of each of its children. */
	/** Named apart from the 15-minute circle's coverage (same simple name) in the OpenAPI description. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "PartyCoverage")
	public record Coverage(String territoryCode, String territoryName, String level, long compounds, long covered,
			long uncovered, BigDecimal rate, List<ChildCoverage> children) {

		public BigDecimal percent() {
			return rate == null ? null : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP);
		}
	}

	/** What a client posts to create an organisation. */
	public record OrgDraft(String name, String kind, Long parentId, String territoryCode, String secretaryName,
			String secretaryCadre, String secretaryPhone, Integer memberCount, List<String> compoundCodes) {
	}

	/** What a client posts to add a member to a roster. */
	public record MemberDraft(String name, String gender, Integer birthYear, Integer joinedYear, String accountUsername,
			String employerUnit, Boolean inService, String phone) {
	}

	/** What a search found: the total and the first rows. */
	record Found(long total, List<Stored> rows) {
	}

	// ------------------------------------------------------------------ queries

	/** The node a filter names, inside the actor's jurisdiction (404 outside or unknown); the actor's own node without one. */
	public TerritoryNode node(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			return territories.lookup(actor.territoryId()).orElseThrow(() -> new NotFoundException("No territory"));
		}
		return territories.lookupByCode(code.strip()).filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No territory with code " + code));
	}

	public OrgList search(String territoryCode, String kind, String q, int limit) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = node(actor, territoryCode);
		Found found = orgs.search(node.path(), OrgKind.parse(kind).orElse(null), q, limit);
		return new OrgList(found.total(), rows(found.rows()));
	}

	/** Rows streamed to the Excel export are named (territory, community) this many at a time. */
	static final int EXPORT_CHUNK = 500;

	/**
	 * Every organisation matching the filters, in the list's order, handed to the sink as the database returns them
	 * (for the Excel export: nothing is held but one chunk of rows). Call inside a transaction.
	 */
	public void each(String territoryCode, String kind, String q, java.util.function.Consumer<OrgRow> sink) {
		Actor actor = PartyAccess.requireReader();
		TerritoryNode node = node(actor, territoryCode);
		List<Stored> chunk = new ArrayList<>(EXPORT_CHUNK);
		orgs.each(node.path(), OrgKind.parse(kind).orElse(null), q, s -> {
			chunk.add(s);
			if (chunk.size() == EXPORT_CHUNK) {
				rows(chunk).forEach(sink);
				chunk.clear();
			}
		});
		rows(chunk).forEach(sink);
	}

	/** The trees of the communities under (or at) a node: committee, its branches and their groups, then the others. */
	public List<TreeNode> trees(TerritoryNode node) {
		PartyAccess.requireReader();
		List<OrgRow> rows = rows(orgs.under(node.path()));
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

	public OrgDetail find(long id) {
		Actor actor = PartyAccess.requireReader();
		return detail(stored(actor, id));
	}

	Stored stored(Actor actor, long id) {
		return orgs.find(id).filter(o -> actor.covers(o.territoryPath()))
			.orElseThrow(() -> new NotFoundException("No party organisation " + id));
	}

	private OrgDetail detail(Stored o) {
		List<Long> compoundIds = orgs.compoundIds(o.id());
		Set<Long> nodeIds = new HashSet<>(compoundIds);
		nodeIds.add(o.territoryId());
		Map<Long, TerritoryNode> nodes = nodes(nodeIds);
		TerritoryNode at = nodes.get(o.territoryId());
		String parentName = o.parentId() == null ? null : orgs.name(o.parentId()).orElse(null);
		List<OrgRow> children = rows(orgs.children(o.id()));
		List<MemberView> members = orgs.members(o.id());
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

	public Coverage coverage(String territoryCode) {
		Actor actor = PartyAccess.requireReader();
		return coverage(node(actor, territoryCode));
	}

	public Coverage coverage(TerritoryNode node) {
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
	public Set<Long> covered(String path) {
		return new HashSet<>(orgs.coveredCompounds(path));
	}

	// ------------------------------------------------------------------ for other modules (unscoped)

	public Optional<PartyOrganisations.OrgRef> lookup(long id) {
		return orgs.find(id).map(PartyDirectory::ref);
	}

	public List<PartyOrganisations.OrgRef> lookupUnder(String path) {
		return orgs.underInPlaceOrder(path).stream().map(PartyDirectory::ref).toList();
	}

	public PartyOrganisations.CoverageRef coverageRef(long territoryId) {
		TerritoryNode node = territories.lookup(territoryId)
			.orElseThrow(() -> new NotFoundException("No territory " + territoryId));
		Coverage c = coverage(node);
		return new PartyOrganisations.CoverageRef(territoryId, c.compounds(), c.covered(), c.rate());
	}

	private static PartyOrganisations.OrgRef ref(Stored s) {
		return new PartyOrganisations.OrgRef(s.id(), s.name(), OrgKind.valueOf(s.kind()), s.parentId(), s.territoryId(),
				s.territoryPath(), s.secretaryName(), s.memberCount());
	}

	public static Map<String, Object> chart(Coverage c, String coveredLabel, String uncoveredLabel) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("names", c.children().stream().map(ChildCoverage::name).toList());
		data.put("covered", c.children().stream().map(ChildCoverage::covered).toList());
		data.put("uncovered", c.children().stream().map(x -> x.compounds() - x.covered()).toList());
		data.put("coveredLabel", coveredLabel);
		data.put("uncoveredLabel", uncoveredLabel);
		return data;
	}
}

package org.jinlin.memberservice.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ForbiddenException;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.ValidationFailedException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities as member service sees them: the one a form names, an account's home community, those a member may
 * register with, those whose records a caller may read or whose wishes she may claim, and names for lists.
 */
@Component
@RequiredArgsConstructor
public class MemberCommunities {

	private final Territories territories;

	private final RegistrationRepository registrations;

	/** A community by code for a form field: 400 when missing, unknown or not a community. */
	TerritoryNode community(String code, String field) {
		if (code == null || code.isBlank()) {
			throw ValidationFailedException.field(field, "Choose a community");
		}
		return territories.lookupByCode(code.trim()).filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> ValidationFailedException.field(field, "No community with code " + code.trim()));
	}

	/** The form's community, its error collected with the others' (null then). */
	TerritoryNode community(String code, MemberValidation v) {
		try {
			return community(code, "communityCode");
		}
		catch (ValidationFailedException e) {
			v.addAll(e);
			return null;
		}
	}

	/** The form's community, which staff must cover (404 otherwise). */
	TerritoryNode coveredCommunity(Actor actor, String code, MemberValidation v) {
		TerritoryNode community = community(code, v);
		if (community != null) {
			MemberAccess.requireCovers(actor, community.path());
		}
		return community;
	}

	Optional<TerritoryNode> lookup(long id) {
		return territories.lookup(id);
	}

	/** The caller's own node, or a node by code that must lie in her jurisdiction (404 otherwise). */
	TerritoryNode nodeInJurisdiction(Actor actor, String territoryCode) {
		TerritoryNode node = territoryCode == null || territoryCode.isBlank()
				? territories.lookup(actor.territoryId()).orElseThrow()
				: territories.lookupByCode(territoryCode.trim()).orElseThrow(() -> new NotFoundException("No territory"));
		MemberAccess.requireCovers(actor, node.path());
		return node;
	}

	/** The community an account belongs to (its own node, or the community above its grid), if any. */
	public Optional<TerritoryNode> homeCommunity(Actor actor) {
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
	public List<TerritoryNode> registrableCommunities(Actor actor) {
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

	/** Nodes by id, looked up a thousand at a time. */
	Map<Long, TerritoryNode> nodes(Collection<Long> ids) {
		Map<Long, TerritoryNode> map = new HashMap<>();
		List<Long> distinct = ids.stream().distinct().toList();
		for (int i = 0; i < distinct.size(); i += 1000) {
			territories.lookupAll(distinct.subList(i, Math.min(distinct.size(), i + 1000))).forEach(n -> map.put(n.id(), n));
		}
		return map;
	}

	static String name(Map<Long, TerritoryNode> nodes, long id) {
		TerritoryNode n = nodes.get(id);
		return n == null ? null : n.name();
	}

	/** A LIKE pattern for the caller's jurisdiction, or for the territory {@code territoryCode} inside it (404 outside). */
	String scopePrefix(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.jurisdiction().likePattern();
		}
		TerritoryNode node = territories.lookupByCode(territoryCode.trim())
			.orElseThrow(() -> new NotFoundException("No territory " + territoryCode));
		MemberAccess.requireCovers(actor, node.path());
		return node.path() + "%";
	}

	/** The communities the member is actively registered with. */
	List<Long> registeredCommunityIds(Actor actor) {
		return registrations.activeCommunityIds(actor.name());
	}

	/** Paths whose records a caller may read: staff their scope; others their home and registered communities. */
	List<String> readablePrefixes(Actor actor, String territoryCode) {
		if (MemberAccess.staff(actor)) {
			return List.of(scopePrefix(actor, territoryCode));
		}
		if (actor.isApiKey()) {
			throw new ForbiddenException("Not for API keys");
		}
		Set<Long> ids = new LinkedHashSet<>();
		homeCommunity(actor).ifPresent(h -> ids.add(h.id()));
		ids.addAll(registeredCommunityIds(actor));
		return nodes(ids).values().stream().map(TerritoryNode::path).sorted().toList();
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
}

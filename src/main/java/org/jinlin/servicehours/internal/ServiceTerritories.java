package org.jinlin.servicehours.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** The territory look-ups of service hours: the community of a node or a path, and the scope of a query. */
@Component
@RequiredArgsConstructor
class ServiceTerritories {

	private final Territories territories;

	Optional<TerritoryNode> lookup(long id) {
		return territories.lookup(id);
	}

	Optional<TerritoryNode> communityOf(long nodeId) {
		TerritoryNode node = territories.lookup(nodeId).orElse(null);
		if (node == null) {
			return Optional.empty();
		}
		if (node.level() == TerritoryLevel.COMMUNITY) {
			return Optional.of(node);
		}
		Map<TerritoryLevel, TerritoryNode> chain = territories.lookupAll(node.ancestorIds()).stream()
			.collect(Collectors.toMap(TerritoryNode::level, n -> n, (a, b) -> a));
		return Optional.ofNullable(chain.get(TerritoryLevel.COMMUNITY));
	}

	/** The community on a territory path ("/1/2/40/41/..."), if the path reaches one. */
	Optional<TerritoryNode> communityOnPath(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isBlank()) {
				try {
					ids.add(Long.parseLong(part));
				}
				catch (NumberFormatException e) {
					return Optional.empty();
				}
			}
		}
		return territories.lookupAll(ids).stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY).findFirst();
	}

	/** The caller's jurisdiction, or the node {@code territoryCode} inside it (404 outside). */
	TerritoryNode node(Actor actor, String territoryCode) {
		return (territoryCode == null || territoryCode.isBlank() ? territories.lookup(actor.territoryId())
				: territories.lookupByCode(territoryCode.strip()))
			.filter(n -> actor.covers(n.path()))
			.orElseThrow(() -> new NotFoundException("No such territory in your jurisdiction"));
	}

	/** A LIKE pattern for the caller's jurisdiction, or for the node {@code territoryCode} inside it. */
	String scopePattern(Actor actor, String territoryCode) {
		if (territoryCode == null || territoryCode.isBlank()) {
			return actor.jurisdiction().likePattern();
		}
		return node(actor, territoryCode).path() + "%";
	}

	List<TerritoryNode> childrenOf(TerritoryNode node) {
		if (node.level().ordinal() >= TerritoryLevel.COMMUNITY.ordinal()) {
			return List.of();
		}
		return territories.lookupLevelUnder(node.level().childLevel(), node.path()).stream()
			.filter(child -> child.parentId() != null && child.parentId() == node.id())
			.toList();
	}
}

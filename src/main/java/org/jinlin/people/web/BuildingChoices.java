package org.jinlin.people.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** The buildings the resident form offers: those of the actor's jurisdiction, grouped by compound. */
@Component
@RequiredArgsConstructor
class BuildingChoices {

	/** A labelled group of buildings for the select: one per compound. */
	record BuildingGroup(String label, List<TerritoryNode> buildings) {
	}

	private final Territories territories;

	/** The buildings in the actor's jurisdiction, grouped by compound ("社区 · 网格 · 小区"). */
	List<BuildingGroup> groups(Actor actor) {
		String path = actor.territoryPath();
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		for (TerritoryLevel level : List.of(TerritoryLevel.COMMUNITY, TerritoryLevel.GRID, TerritoryLevel.COMPOUND)) {
			territories.lookupLevelUnder(level, path).forEach(n -> nodes.put(n.id(), n));
		}
		boolean manyCommunities = nodes.values().stream().filter(n -> n.level() == TerritoryLevel.COMMUNITY).count() > 1;
		Map<Long, List<TerritoryNode>> byCompound = new LinkedHashMap<>();
		for (TerritoryNode b : territories.lookupLevelUnder(TerritoryLevel.BUILDING, path)) {
			byCompound.computeIfAbsent(b.parentId(), k -> new ArrayList<>()).add(b);
		}
		List<BuildingGroup> groups = new ArrayList<>();
		byCompound.forEach((compoundId, buildings) -> {
			TerritoryNode compound = nodes.get(compoundId);
			List<String> parts = new ArrayList<>();
			if (compound != null) {
				for (Long a : compound.ancestorIds()) {
					TerritoryNode n = nodes.get(a);
					if (n != null && (n.level() == TerritoryLevel.GRID || n.level() == TerritoryLevel.COMMUNITY && manyCommunities)) {
						parts.add(n.name());
					}
				}
				parts.add(compound.name());
			}
			groups.add(new BuildingGroup(String.join(" · ", parts), buildings));
		});
		return groups;
	}
}

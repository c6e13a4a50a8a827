package org.jinlin.carefacilities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** Turns stored rows into {@link CareFacility} views, with territory codes and names looked up in bulk. */
@Component
class FacilityViews {

	private final FacilityRepository repository;

	private final Territories territories;

	FacilityViews(FacilityRepository repository, Territories territories) {
		this.repository = repository;
		this.territories = territories;
	}

	CareFacility one(FacilityRepository.Stored s) {
		return all(List.of(s)).get(0);
	}

	List<CareFacility> all(Collection<FacilityRepository.Stored> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> served = repository.servedAreas(rows.stream().map(FacilityRepository.Stored::id).toList());
		Set<Long> nodeIds = new HashSet<>();
		rows.forEach(r -> nodeIds.add(r.territoryId()));
		served.values().forEach(nodeIds::addAll);
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		List<Long> ids = new ArrayList<>(nodeIds);
		for (int i = 0; i < ids.size(); i += 1000) {
			territories.lookupAll(ids.subList(i, Math.min(ids.size(), i + 1000))).forEach(n -> nodes.put(n.id(), n));
		}
		List<CareFacility> out = new ArrayList<>(rows.size());
		for (FacilityRepository.Stored r : rows) {
			TerritoryNode node = nodes.get(r.territoryId());
			List<CareFacility.ServedArea> areas = new ArrayList<>();
			for (Long a : served.getOrDefault(r.id(), List.of())) {
				TerritoryNode n = nodes.get(a);
				areas.add(new CareFacility.ServedArea(a, n == null ? null : n.code(), n == null ? null : n.name()));
			}
			out.add(new CareFacility(r.id(), r.name(), r.kind(), r.territoryId(), r.territoryPath(),
					node == null ? null : node.code(), node == null ? null : node.name(), r.address(), r.latitude(),
					r.longitude(), r.operator(), FacilityService.decode(r.services()), r.bedsTotal(), r.bedsOccupied(),
					r.familyCareBeds(), r.inclusiveBeds(), r.status(), List.copyOf(areas), r.updatedAt(), r.updatedBy(),
					r.version()));
		}
		return out;
	}
}

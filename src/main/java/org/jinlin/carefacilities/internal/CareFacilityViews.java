package org.jinlin.carefacilities.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/** Turns stored rows into {@link CareFacility} views, with territory codes and names looked up in bulk. */
@Component
@RequiredArgsConstructor
public class CareFacilityViews {

	private final CareFacilityRepository repository;

	private final Territories territories;

	public CareFacility one(CareFacilityRepository.Stored s) {
		return all(List.of(s)).get(0);
	}

	public List<CareFacility> all(Collection<CareFacilityRepository.Stored> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> served = repository.servedAreas(rows.stream().map(CareFacilityRepository.Stored::id).toList());
		Set<Long> nodeIds = new HashSet<>();
		rows.forEach(r -> nodeIds.add(r.territoryId()));
		served.values().forEach(nodeIds::addAll);
		Map<Long, TerritoryNode> nodes = new HashMap<>();
		List<Long> ids = new ArrayList<>(nodeIds);
		for (int i = 0; i < ids.size(); i += 1000) {
			territories.lookupAll(ids.subList(i, Math.min(ids.size(), i + 1000))).forEach(n -> nodes.put(n.id(), n));
		}
		List<CareFacility> out = new ArrayList<>(rows.size());
		for (CareFacilityRepository.Stored r : rows) {
			TerritoryNode node = nodes.get(r.territoryId());
			List<CareFacility.ServedArea> areas = new ArrayList<>();
			for (Long a : served.getOrDefault(r.id(), List.of())) {
				TerritoryNode n = nodes.get(a);
				areas.add(new CareFacility.ServedArea(a, n == null ? null : n.code(), n == null ? null : n.name()));
			}
			out.add(new CareFacility(r.id(), r.name(), r.kind(), r.territoryId(), r.territoryPath(),
					node == null ? null : node.code(), node == null ? null : node.name(), r.address(), r.latitude(),
					r.longitude(), r.operator(), CareFacilityRepository.decode(r.services()), r.bedsTotal(), r.bedsOccupied(),
					r.familyCareBeds(), r.inclusiveBeds(), r.status(), List.copyOf(areas), r.updatedAt(), r.updatedBy(),
					r.version()));
		}
		return out;
	}
}

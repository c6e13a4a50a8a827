package org.jinlin.people.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Component;

/**
 * Where a resident lives: the building (in the actor's jurisdiction) with its community and compound, and the
 * household at a building, unit and room, created on first use.
 */
@Component
@RequiredArgsConstructor
public class ResidentPlaces {

	private final Territories territories;

	private final HouseholdRepository households;

	/** A building with what the register stores about it. */
	public record Place(TerritoryNode building, long communityId, String label) {
	}

	/** The building if it exists, is a BUILDING and lies in the actor's jurisdiction; else a field error. */
	Place place(Actor actor, Long buildingId, List<ResidentDraftValidation.FieldError> errors) {
		Place p = buildingId == null ? null : places(actor, Set.of(buildingId)).get(buildingId);
		if (p == null) {
			errors.add(ResidentWrites.unknownBuilding());
		}
		return p;
	}

	/** Resolves buildings in the actor's jurisdiction; others are left out. */
	Map<Long, Place> places(Actor actor, Collection<Long> buildingIds) {
		Map<Long, Place> places = new HashMap<>();
		if (buildingIds.isEmpty()) {
			return places;
		}
		List<TerritoryNode> buildings = new ArrayList<>();
		for (List<Long> chunk : ResidentRepository.chunks(new ArrayList<>(buildingIds))) {
			territories.lookupAll(chunk).stream()
				.filter(b -> b.level() == TerritoryLevel.BUILDING && actor.covers(b.path()))
				.forEach(buildings::add);
		}
		Set<Long> ancestorIds = new HashSet<>();
		buildings.forEach(b -> ancestorIds.addAll(b.ancestorIds()));
		Map<Long, TerritoryNode> ancestors = new HashMap<>();
		for (List<Long> chunk : ResidentRepository.chunks(new ArrayList<>(ancestorIds))) {
			territories.lookupAll(chunk).forEach(n -> ancestors.put(n.id(), n));
		}
		for (TerritoryNode b : buildings) {
			Long community = null;
			String compound = null;
			for (Long id : b.ancestorIds()) {
				TerritoryNode a = ancestors.get(id);
				if (a != null && a.level() == TerritoryLevel.COMMUNITY) {
					community = a.id();
				}
				if (a != null && a.level() == TerritoryLevel.COMPOUND) {
					compound = a.name();
				}
			}
			if (community != null) {
				places.put(b.id(), new Place(b, community, compound == null ? b.name() : compound + b.name()));
			}
		}
		return places;
	}

	/** The household at this address, created if new. */
	long household(Place place, String unit, String room, String by, OffsetDateTime now) {
		HouseholdRepository.HouseholdAddress a = householdAddress(place, unit, room);
		return households.findOrCreate(List.of(a), by, now).get(a.key());
	}

	/** The household id for each address, creating the missing households. */
	Map<String, Long> households(Collection<HouseholdRepository.HouseholdAddress> addresses, String by,
			OffsetDateTime now) {
		return households.findOrCreate(addresses, by, now);
	}

	/** A household's address with its label ("锦华苑3号楼 2单元 301室"). */
	HouseholdRepository.HouseholdAddress householdAddress(Place place, String unit, String room) {
		String u = ResidentRepository.blankToNull(unit);
		String r = ResidentRepository.blankToNull(room);
		StringBuilder label = new StringBuilder(place.label());
		if (u != null) {
			label.append(' ').append(u).append(u.matches("\\d+") ? "单元" : "");
		}
		if (r != null) {
			label.append(' ').append(r).append(r.matches("\\d+") ? "室" : "");
		}
		return new HouseholdRepository.HouseholdAddress(place.building().id(), u, r, label.toString(),
				place.communityId(), place.building().path());
	}
}

package org.jinlin.circle.facilities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.carefacilities.CareFacilities;
import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facilities the coverage counts: the registry's operating, located facilities of the catalogue's REGISTRY
 * categories (keys {@code circle:<id>}), plus, for each CARE_FACILITIES category, the operating, located care
 * facilities of its kinds read from {@link CareFacilities} (keys {@code care:<id>}; a care facility counted in a
 * second category gets {@code care:<id>:<category>}). Unscoped: the coverage runs city-wide in the background.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
class RegistryLocations implements FacilityLocations {

	private final CircleFacilityRepository store;

	private final Categories categories;

	private final CareFacilities careFacilities;

	@Override
	public List<PlacedFacility> operating() {
		List<CategoryDefinition> all = categories.definitions();
		Set<String> registryCodes = new HashSet<>();
		all.stream().filter(c -> !c.fromCareFacilities()).forEach(c -> registryCodes.add(c.code()));
		List<PlacedFacility> list = new ArrayList<>();
		for (PlacedFacility p : store.operatingLocated()) {
			if (registryCodes.contains(p.category())) {
				list.add(p);
			}
		}
		Set<String> keys = new HashSet<>();
		for (CategoryDefinition c : all) {
			if (!c.fromCareFacilities()) {
				continue;
			}
			for (FacilityKind kind : c.careKinds()) {
				for (CareFacility f : careFacilities.facilitiesOfKind(kind, "/")) {
					if (!f.hasLocation()) {
						continue;
					}
					String key = "care:" + f.id();
					if (!keys.add(key)) {
						key = key + ":" + c.code();
						if (!keys.add(key)) {
							continue;
						}
					}
					list.add(new PlacedFacility(key, c.code(), f.name(), f.latitude(), f.longitude()));
				}
			}
		}
		return list;
	}

	@Override
	public java.util.Optional<PlacedFacility> operating(String key) {
		if (!key.startsWith("circle:")) {
			throw new IllegalArgumentException("Not a registry facility: " + key);
		}
		return store.find(Long.parseLong(key.substring("circle:".length())))
			.filter(f -> f.status() == CircleFacilityRepository.Status.OPERATING && f.latitude() != null
					&& f.longitude() != null)
			.filter(f -> categories.definitions().stream().anyMatch(c -> !c.fromCareFacilities() && c.code().equals(f.category())))
			.map(f -> new PlacedFacility(key, f.category(), f.name(), f.latitude(), f.longitude()));
	}
}

package org.jinlin.carefacilities.web;

import java.util.List;
import java.util.Set;

import org.jinlin.carefacilities.CareFacility;
import org.jinlin.carefacilities.FacilityService;
import org.jinlin.carefacilities.internal.CareFacilityDraft;

/** What the care-facility form posts. */
record CareFacilityForm(String name, String kind, String territoryCode, String address, Double latitude,
		Double longitude, String operator, List<String> services, Integer bedsTotal, Integer bedsOccupied,
		Integer familyCareBeds, Integer inclusiveBeds, String status, List<String> servedAreaCodes, Integer version) {

	static CareFacilityForm empty(String territoryCode) {
		return new CareFacilityForm(null, null, territoryCode, null, null, null, null, List.of(), 0, 0, 0, 0, "OPERATING",
				List.of(), null);
	}

	static CareFacilityForm of(CareFacility f) {
		return new CareFacilityForm(f.name(), f.kind().name(), f.territoryCode(), f.address(), f.latitude(),
				f.longitude(), f.operator(), f.services().stream().map(Enum::name).toList(), f.bedsTotal(),
				f.bedsOccupied(), f.familyCareBeds(), f.inclusiveBeds(), f.status().name(),
				f.servedAreas().stream().map(CareFacility.ServedArea::code).toList(), f.version());
	}

	CareFacilityDraft toDraft() {
		return new CareFacilityDraft(name, kind, territoryCode, address, latitude, longitude, operator,
				services == null ? Set.of() : Set.copyOf(services), bedsTotal, bedsOccupied, familyCareBeds,
				inclusiveBeds, status, servedAreaCodes == null ? List.of() : servedAreaCodes, version);
	}

	public boolean offers(FacilityService s) {
		return services != null && services.contains(s.name());
	}

	public boolean serves(String code) {
		return servedAreaCodes != null && servedAreaCodes.contains(code);
	}
}

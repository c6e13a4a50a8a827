package org.jinlin.circle.facilities;

import java.util.List;

import org.springframework.stereotype.Component;

/** Temporary stand-in until the registry lands: the guide's categories, no facilities. */
@Component
class InterimFacilities implements CategoryCatalogue, FacilityLocations {

	@Override
	public List<FacilityCategory> all() {
		return List.of(new FacilityCategory("CONVENIENCE_STORE", "便利店", "Convenience store", true, true, 10),
				new FacilityCategory("VEGETABLE_MARKET", "菜市场", "Vegetable market", true, true, 30),
				new FacilityCategory("BREAKFAST", "早餐店", "Breakfast", true, true, 50),
				new FacilityCategory("PHARMACY", "药店", "Pharmacy", true, true, 110));
	}

	@Override
	public List<PlacedFacility> operating() {
		return List.of();
	}
}

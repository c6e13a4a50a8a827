package org.jinlin.circle.facilities;

import java.util.List;

/** The city's facility categories, in display order. (Contract; the registry implements it.) */
public interface CategoryCatalogue {

	List<FacilityCategory> all();

	default List<FacilityCategory> required() {
		return all().stream().filter(FacilityCategory::required).toList();
	}
}

package org.jinlin.carefacilities.web;

import org.jinlin.carefacilities.internal.CareFacilityAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The carefacilities pages in the main navigation, shown by the same rules as the module's services. */
@Component
class CareFacilitiesNavigation extends NavigationContributor {

	CareFacilitiesNavigation() {
		super(new NavigationItem(70, NavigationGroup.CARE, "/eldercare/facilities", "nav.carefacilities", CareFacilityAccess::canRead));
	}
}

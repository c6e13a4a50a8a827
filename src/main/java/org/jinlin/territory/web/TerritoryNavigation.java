package org.jinlin.territory.web;

import org.jinlin.territory.internal.TerritoryAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The territory pages in the main navigation, shown by the same rules as the module's services. */
@Component
class TerritoryNavigation extends NavigationContributor {

	TerritoryNavigation() {
		super(new NavigationItem(10, NavigationGroup.ADMIN, "/territory", "nav.territory", TerritoryAccess::browse));
	}
}

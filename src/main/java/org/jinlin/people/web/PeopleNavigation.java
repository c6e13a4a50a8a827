package org.jinlin.people.web;

import org.jinlin.people.internal.ResidentAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The people pages in the main navigation, shown by the same rules as the module's services. */
@Component
class PeopleNavigation extends NavigationContributor {

	PeopleNavigation() {
		super(new NavigationItem(20, NavigationGroup.ADMIN, "/residents", "nav.residents", ResidentAccess::staff));
	}
}

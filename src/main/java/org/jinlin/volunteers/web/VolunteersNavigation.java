package org.jinlin.volunteers.web;

import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.jinlin.volunteers.internal.VolunteerAccess;
import org.springframework.stereotype.Component;

/** The volunteers pages in the main navigation, shown by the same rules as the module's services. */
@Component
class VolunteersNavigation extends NavigationContributor {

	VolunteersNavigation() {
		super(new NavigationItem(120, NavigationGroup.COMMUNITY, "/volunteers/activities", "nav.volunteers", VolunteerAccess::participant));
	}
}

package org.jinlin.publiclog.web;

import org.jinlin.publiclog.internal.LogAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The public log in the main navigation, for everyone; a person's own leaves next to her service hours. */
@Component
class PublicLogNavigation extends NavigationContributor {

	PublicLogNavigation() {
		super(new NavigationItem(95, NavigationGroup.DEMANDS, "/public/log", "nav.publiclog", actor -> true),
				new NavigationItem(135, NavigationGroup.COMMUNITY, "/log/mine", "nav.publiclog.mine", LogAccess::hasOwnLeaves));
	}
}

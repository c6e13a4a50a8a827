package org.jinlin.publiclog.web;

import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The public log in the main navigation, for everyone. */
@Component
class PublicLogNavigation extends NavigationContributor {

	PublicLogNavigation() {
		super(new NavigationItem(95, NavigationGroup.DEMANDS, "/public/log", "nav.publiclog", actor -> true));
	}
}

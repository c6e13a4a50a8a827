package org.jinlin.circle.web;

import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The circle pages in the main navigation, shown by the same rules as the module's services. */
@Component
class CircleNavigation extends NavigationContributor {

	CircleNavigation() {
		super(new NavigationItem(150, NavigationGroup.CIRCLE, "/circle", "nav.circle", CircleAccess::canRead));
	}
}

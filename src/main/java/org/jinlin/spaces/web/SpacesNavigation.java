package org.jinlin.spaces.web;

import org.jinlin.spaces.internal.SpaceAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The spaces pages in the main navigation, shown by the same rules as the module's services. */
@Component
class SpacesNavigation extends NavigationContributor {

	SpacesNavigation() {
		super(new NavigationItem(125, NavigationGroup.COMMUNITY, "/spaces/mine", "nav.spaces.mine", SpaceAccess::canBook),
				new NavigationItem(126, NavigationGroup.COMMUNITY, "/spaces/desk", "nav.spaces.desk", SpaceAccess::canRun));
	}
}

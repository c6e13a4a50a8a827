package org.jinlin.demands.web;

import org.jinlin.demands.internal.DemandAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The demands pages in the main navigation, shown by the same rules as the module's services. */
@Component
class DemandsNavigation extends NavigationContributor {

	DemandsNavigation() {
		super(new NavigationItem(30, NavigationGroup.DEMANDS, "/demands/queue", "nav.demands.queue", DemandAccess::queue),
				new NavigationItem(40, NavigationGroup.DEMANDS, "/demands/measures", "nav.demands.measures", DemandAccess::measures),
				new NavigationItem(190, NavigationGroup.DEMANDS, "/demands/mine", "nav.demands.mine", DemandAccess::resident),
				new NavigationItem(200, NavigationGroup.DEMANDS, "/demands/new", "nav.demands.raise", DemandAccess::resident),
				new NavigationItem(205, NavigationGroup.DEMANDS, "/public/board", "nav.demands.board", actor -> true));
	}
}

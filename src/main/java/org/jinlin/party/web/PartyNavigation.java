package org.jinlin.party.web;

import org.jinlin.party.internal.PartyAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The party pages in the main navigation, shown by the same rules as the module's services. */
@Component
class PartyNavigation extends NavigationContributor {

	PartyNavigation() {
		super(new NavigationItem(80, NavigationGroup.COMMUNITY, "/party/organisations", "nav.party", PartyAccess::reader));
	}
}

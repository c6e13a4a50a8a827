package org.jinlin.memberservice.web;

import org.jinlin.memberservice.internal.MemberAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The memberservice pages in the main navigation, shown by the same rules as the module's services. */
@Component
class MemberServiceNavigation extends NavigationContributor {

	MemberServiceNavigation() {
		super(new NavigationItem(90, NavigationGroup.COMMUNITY, "/service/members", "nav.memberservice.members", MemberAccess::staff),
				new NavigationItem(100, NavigationGroup.COMMUNITY, "/service/wishes", "nav.memberservice.wishes", MemberAccess::anyone),
				new NavigationItem(110, NavigationGroup.COMMUNITY, "/service/registration", "nav.memberservice.registration", MemberAccess::member));
	}
}

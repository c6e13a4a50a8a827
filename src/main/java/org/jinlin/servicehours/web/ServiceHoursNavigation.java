package org.jinlin.servicehours.web;

import org.jinlin.servicehours.internal.ServiceHoursAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The servicehours pages in the main navigation, shown by the same rules as the module's services. */
@Component
class ServiceHoursNavigation extends NavigationContributor {

	ServiceHoursNavigation() {
		super(new NavigationItem(130, NavigationGroup.COMMUNITY, "/service/hours", "nav.servicehours.mine", ServiceHoursAccess::earner),
				new NavigationItem(140, NavigationGroup.COMMUNITY, "/service/figures", "nav.servicehours.figures", ServiceHoursAccess::reader));
	}
}

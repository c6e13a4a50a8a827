package org.jinlin.servicehours.web;

import java.util.List;

import org.jinlin.servicehours.internal.ServiceHoursAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The servicehours pages in the main navigation, shown by the same rules as the module's services. */
@Component
class ServiceHoursNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(130, "/service/hours", "nav.servicehours.mine", ServiceHoursAccess::earner),
				new NavigationItem(140, "/service/figures", "nav.servicehours.figures", ServiceHoursAccess::reader));
	}
}

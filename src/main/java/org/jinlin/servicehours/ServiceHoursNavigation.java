package org.jinlin.servicehours;

import java.util.List;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The servicehours pages in the main navigation, shown by the same rules as the module's services. */
@Component
class ServiceHoursNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(130, "/service/hours", "nav.servicehours.mine", AccessRules.anyOf(Role.VOLUNTEER, Role.PARTY_MEMBER)),
				new NavigationItem(140, "/service/figures", "nav.servicehours.figures", AccessRules::staff));
	}
}

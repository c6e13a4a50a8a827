package org.jinlin.alarms;

import java.util.List;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The alarms pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AlarmsNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(50, "/alarms/desk", "nav.alarms.desk", AccessRules.staffOr(Role.VOLUNTEER)),
				new NavigationItem(180, "/help", "nav.alarms.help", AccessRules.anyOf(Role.RESIDENT), "jl-help-link"));
	}
}

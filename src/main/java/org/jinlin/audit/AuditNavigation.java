package org.jinlin.audit;

import java.util.List;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The audit pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AuditNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(220, "/admin/audit", "nav.audit", AccessRules.anyOf(Role.ADMINISTRATOR, Role.CITY_OFFICIAL, Role.DISTRICT_OFFICIAL)));
	}
}

package org.jinlin.demands.web;

import java.util.List;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The demands pages in the main navigation, shown by the same rules as the module's services. */
@Component
public class DemandsNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(30, "/demands/queue", "nav.demands.queue", AccessRules.staffOr(Role.VOLUNTEER, Role.PARTY_MEMBER)),
				new NavigationItem(40, "/demands/measures", "nav.demands.measures", AccessRules::staff),
				new NavigationItem(190, "/demands/mine", "nav.demands.mine", AccessRules.anyOf(Role.RESIDENT)),
				new NavigationItem(200, "/demands/new", "nav.demands.raise", AccessRules.anyOf(Role.RESIDENT)));
	}
}

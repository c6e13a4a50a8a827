package org.jinlin.accounts;

import java.util.List;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The accounts pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AccountsNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(210, "/admin/accounts", "nav.accounts", AccessRules.anyOf(Role.ADMINISTRATOR)));
	}
}

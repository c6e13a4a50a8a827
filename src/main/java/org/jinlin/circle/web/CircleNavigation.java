package org.jinlin.circle.web;

import java.util.List;

import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The circle pages in the main navigation, shown by the same rules as the module's services. */
@Component
class CircleNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigation() {
		return List.of(
				new NavigationItem(150, "/circle", "nav.circle", CircleAccess::canRead));
	}
}

package org.jinlin.eldercare.web;

import org.jinlin.eldercare.internal.ElderAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The eldercare pages in the main navigation, shown by the same rules as the module's services. */
@Component
class EldercareNavigation extends NavigationContributor {

	EldercareNavigation() {
		super(new NavigationItem(60, NavigationGroup.CARE, "/eldercare/elders", "nav.eldercare.elders", ElderAccess::register));
	}
}

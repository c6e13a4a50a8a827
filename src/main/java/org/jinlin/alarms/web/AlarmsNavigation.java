package org.jinlin.alarms.web;

import org.jinlin.alarms.internal.AlarmAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The alarms pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AlarmsNavigation extends NavigationContributor {

	AlarmsNavigation() {
		super(new NavigationItem(50, NavigationGroup.CARE, "/alarms/desk", "nav.alarms.desk", AlarmAccess::desk),
				new NavigationItem(180, NavigationGroup.TOP, "/help", "nav.alarms.help", AlarmAccess::help, "jl-help-link"));
	}
}

package org.jinlin.quality.web;

import org.jinlin.quality.internal.QualityAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The cockpit in the main navigation, shown by the same rule as the module's service. */
@Component
class QualityNavigation extends NavigationContributor {

	QualityNavigation() {
		super(new NavigationItem(5, NavigationGroup.TOP, "/quality", "nav.quality", QualityAccess::canRead));
	}
}

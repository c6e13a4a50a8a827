package org.jinlin.quality.web;

import org.jinlin.quality.internal.QualityAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** Service-quality certification in the main navigation, shown by the same rule as its service. */
@Component
class CertificationNavigation extends NavigationContributor {

	CertificationNavigation() {
		super(new NavigationItem(95, NavigationGroup.COMMUNITY, "/quality/certification", "nav.quality.certification",
				QualityAccess::canRead));
	}
}

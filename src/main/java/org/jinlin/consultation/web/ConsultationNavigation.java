package org.jinlin.consultation.web;

import org.jinlin.consultation.internal.ConsultationAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** Consultation in the main navigation, shown by the same rule as the module's services. */
@Component
class ConsultationNavigation extends NavigationContributor {

	ConsultationNavigation() {
		super(new NavigationItem(45, NavigationGroup.COMMUNITY, "/consultation/topics", "nav.consultation",
				ConsultationAccess::canRead),
				new NavigationItem(46, NavigationGroup.COMMUNITY, "/consultation/mine", "nav.consultation.mine",
						ConsultationAccess::canRead),
				new NavigationItem(47, NavigationGroup.COMMUNITY, "/consultation/figures", "nav.consultation.figures",
						ConsultationAccess::canReadFigures));
	}
}

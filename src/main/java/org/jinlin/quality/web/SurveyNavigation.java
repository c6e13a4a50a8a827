package org.jinlin.quality.web;

import org.jinlin.quality.internal.SurveyAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The satisfaction surveys for staff and a resident's own invitations, by the rules the services apply. */
@Component
class SurveyNavigation extends NavigationContributor {

	SurveyNavigation() {
		super(new NavigationItem(96, NavigationGroup.COMMUNITY, "/quality/surveys", "nav.quality.surveys",
				SurveyAccess::canRead),
				new NavigationItem(97, NavigationGroup.COMMUNITY, "/quality/surveys/mine", "nav.quality.surveys.mine",
						a -> SurveyAccess.canAnswer(a) && !SurveyAccess.canRead(a)));
	}
}

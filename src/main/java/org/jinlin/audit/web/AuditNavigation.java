package org.jinlin.audit.web;

import org.jinlin.audit.internal.AuditAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The audit pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AuditNavigation extends NavigationContributor {

	AuditNavigation() {
		super(new NavigationItem(220, NavigationGroup.ADMIN, "/admin/audit", "nav.audit", AuditAccess::read));
	}
}

package org.jinlin.accounts.web;

import org.jinlin.accounts.internal.AccountsAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationGroup;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The accounts pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AccountsNavigation extends NavigationContributor {

	AccountsNavigation() {
		super(new NavigationItem(210, NavigationGroup.ADMIN, "/admin/accounts", "nav.accounts", AccountsAccess::administer),
				new NavigationItem(205, NavigationGroup.DEMANDS, "/resident-accounts/sign-ups", "nav.signUps",
						AccountsAccess::enrolResidents),
				new NavigationItem(212, NavigationGroup.ADMIN, "/admin/sms-outbox", "nav.smsOutbox", AccountsAccess::administer));
	}
}

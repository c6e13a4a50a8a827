package org.jinlin.accounts.web;

import org.jinlin.accounts.internal.AccountsAccess;
import org.jinlin.shared.web.NavigationContributor;
import org.jinlin.shared.web.NavigationItem;
import org.springframework.stereotype.Component;

/** The accounts pages in the main navigation, shown by the same rules as the module's services. */
@Component
class AccountsNavigation extends NavigationContributor {

	AccountsNavigation() {
		super(new NavigationItem(210, "/admin/accounts", "nav.accounts", AccountsAccess::administer),
				new NavigationItem(205, "/resident-accounts/sign-ups", "nav.signUps", AccountsAccess::enrolResidents),
				new NavigationItem(212, "/admin/sms-outbox", "nav.smsOutbox", AccountsAccess::administer));
	}
}

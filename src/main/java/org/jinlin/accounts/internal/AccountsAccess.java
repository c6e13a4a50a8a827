package org.jinlin.accounts.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/** The accounts module's permission rule; the services, the pages and the navigation apply it. */
public final class AccountsAccess {

	private AccountsAccess() {
	}

	/** Administrators (never an API key) manage the accounts and API keys of their jurisdiction. */
	public static boolean administer(Actor actor) {
		return !actor.isApiKey() && AccessRules.anyOf(Role.ADMINISTRATOR).test(actor);
	}

	/** The current actor if it administers accounts, else 403. */
	public static Actor requireAdministrator() {
		return AccessRules.require(AccountsAccess::administer, "Only administrators manage accounts");
	}
}

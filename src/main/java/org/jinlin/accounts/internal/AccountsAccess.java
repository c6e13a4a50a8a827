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

	/**
	 * Whether the actor is bound to the root of the territory (the city): only the city level sees what belongs to
	 * no territory, such as sign-in throttles of unknown names or of whole sources.
	 */
	public static boolean cityLevel(Actor actor) {
		return actor.territoryPath().chars().filter(c -> c == '/').count() == 2;
	}

	/**
	 * Community workers and above (never an API key) create and link residents' accounts, print invitations and
	 * decide waiting sign-ups, within their jurisdiction.
	 */
	public static boolean enrolResidents(Actor actor) {
		return AccessRules.registerKeeper(actor);
	}

	/** The current actor if it may enrol residents, else 403. */
	public static Actor requireEnrolment() {
		return AccessRules.require(AccountsAccess::enrolResidents, "Only community workers and above enrol residents");
	}

	/** The current actor if it administers accounts, else 403. */
	public static Actor requireAdministrator() {
		return AccessRules.require(AccountsAccess::administer, "Only administrators manage accounts");
	}
}

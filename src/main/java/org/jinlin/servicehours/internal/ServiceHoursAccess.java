package org.jinlin.servicehours.internal;

import org.jinlin.shared.AccessRules;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Role;

/**
 * Who may do what with service hours: a signed-in person sees her own hours; staff read the ledger and figures
 * of their jurisdiction; community workers and above book time-bank spending and corrections. The services, the
 * pages and the navigation apply these same rules.
 */
public final class ServiceHoursAccess {

	private ServiceHoursAccess() {
	}

	/** A person with an account (never an API key) has service hours. */
	public static boolean person(Actor actor) {
		return !actor.isApiKey() && actor.accountId() != null;
	}

	/** Members and volunteers earn hours: the menu shows them their page. */
	public static boolean earner(Actor actor) {
		return actor.hasAny(Role.VOLUNTEER, Role.PARTY_MEMBER);
	}

	/** Staff read the ledger and the figures of their jurisdiction. */
	public static boolean reader(Actor actor) {
		return actor.isStaff() && !actor.isApiKey();
	}

	/** Community workers and above book time-bank spending and corrections. */
	public static boolean writer(Actor actor) {
		return reader(actor) && AccessRules.registerKeeper(actor);
	}

	static Actor requirePerson() {
		return AccessRules.require(ServiceHoursAccess::person, "Only a signed-in person has service hours");
	}

	static Actor requireReader() {
		return AccessRules.require(ServiceHoursAccess::reader, "Staff only");
	}

	static Actor requireWriter() {
		requireReader();
		return AccessRules.require(ServiceHoursAccess::writer,
				"Community workers and above book time-bank spending and corrections");
	}
}
